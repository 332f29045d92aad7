// Draws the report's charts from the data embedded in the page (script#trustlens-data), with
// vega-lite through vega-embed, as SVG. Every .chart element names its chart in data-kind.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('trustlens-data').textContent);
  var EXPOSED = '#b03a2e';
  var CONTROL = '#2c7fb8';
  var X_EVENT = {field: 'event_time', type: 'quantitative', title: 'periods since the first deceptive mail (e)',
    axis: {tickMinStep: 1}};

  function erosion(el) {
    var metric = el.dataset.metric;
    var rows = data.erosion.filter(function (r) { return r.metric === metric && r.att !== null; });
    var y = {type: 'quantitative', title: 'ATT(e), ' + metric};
    var layers = [];
    // A metric without variance (e.g. no complaint at all) has no interval: draw only what exists,
    // since vega warns about the empty extent of a column that is null everywhere.
    if (rows.some(function (r) { return r.band_low !== null; })) {
      layers.push({mark: {type: 'area', color: EXPOSED, opacity: 0.15},
        encoding: {x: X_EVENT, y: Object.assign({field: 'band_low'}, y), y2: {field: 'band_high'}}});
    }
    if (rows.some(function (r) { return r.ci_low !== null; })) {
      layers.push({mark: {type: 'rule', color: EXPOSED, opacity: 0.6},
        encoding: {x: X_EVENT, y: Object.assign({field: 'ci_low'}, y), y2: {field: 'ci_high'}}});
    }
    return {
      width: 'container', height: 210,
      data: {values: rows},
      layer: layers.concat([
        {mark: {type: 'line', color: EXPOSED, point: true},
          encoding: {x: X_EVENT, y: Object.assign({field: 'att'}, y),
            tooltip: [{field: 'event_time', title: 'e'}, {field: 'att', format: '.4g'},
              {field: 'ci_low', format: '.4g'}, {field: 'ci_high', format: '.4g'},
              {field: 'band_low', format: '.4g'}, {field: 'band_high', format: '.4g'}, {field: 'n_treated'}]}},
        {mark: {type: 'rule', color: '#555', strokeDash: [4, 3]}, encoding: {y: {datum: 0}}},
        {mark: {type: 'rule', color: '#999'}, encoding: {x: {datum: -0.5}}}
      ])
    };
  }

  function survival(el) {
    var outcome = el.dataset.outcome;
    var rows = data.survivalCurves.filter(function (r) { return r.outcome === outcome; });
    var x = {field: 'day', type: 'quantitative', title: 'days since the (matched) exposure'};
    var color = {field: 'arm', type: 'nominal', title: 'arm',
      scale: {domain: ['exposed', 'control'], range: [EXPOSED, CONTROL]}};
    var y = {type: 'quantitative', title: 'share without ' + outcome, scale: {zero: false}};
    return {
      width: 'container', height: 230,
      data: {values: rows},
      layer: [
        {transform: [{filter: 'datum.ci_low !== null'}],
          mark: {type: 'area', interpolate: 'step-after', opacity: 0.15},
          encoding: {x: x, y: Object.assign({field: 'ci_low'}, y), y2: {field: 'ci_high'}, color: color}},
        {mark: {type: 'line', interpolate: 'step-after'},
          encoding: {x: x, y: Object.assign({field: 'survival'}, y), color: color,
            tooltip: [{field: 'arm'}, {field: 'day'}, {field: 'survival', format: '.4f'}, {field: 'at_risk'}]}}
      ]
    };
  }

  function campaigns() {
    var values = data.campaigns.filter(function (r) { return r.net_revenue_effect !== null; });
    // A fixed height of 18 px per campaign: a step height would make vega-lite drop the page-fitting autosize, with a warning.
    return {
      width: 'container', height: Math.max(60, 18 * values.length),
      data: {values: values},
      mark: 'bar',
      encoding: {
        y: {field: 'campaign_id', type: 'nominal', title: null, sort: {field: 'net_revenue_effect', order: 'ascending'}},
        x: {field: 'net_revenue_effect', type: 'quantitative', title: 'net revenue effect at the horizon'},
        color: {condition: {test: 'datum.net_revenue_effect < 0', value: EXPOSED}, value: CONTROL},
        tooltip: [{field: 'campaign_id'}, {field: 'short_term_lift', format: '.4g'},
          {field: 'long_term_effect', format: '.4g'}, {field: 'net_revenue_effect', format: '.4g'}]
      }
    };
  }

  var specs = {erosion: erosion, survival: survival, campaigns: campaigns};
  var charts = Array.prototype.slice.call(document.querySelectorAll('.chart'));
  Promise.all(charts.map(function (el) {
    return vegaEmbed(el, specs[el.dataset.kind](el), {mode: 'vega-lite', renderer: 'svg', actions: false})
      .then(function () { el.dataset.rendered = 'ok'; })
      .catch(function (err) { el.dataset.rendered = 'error'; console.error('chart ' + el.id + ': ' + err); });
  })).then(function () { document.body.dataset.charts = 'done'; });
})();
