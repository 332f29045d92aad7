# Reference survival statistics for SurvivalAgainstRIT, computed by R's survival package on the
# subject-level rows TrustLens wrote (one per followed customer and outcome).
# Usage: Rscript cross_check.R subjects.csv out_dir horizon confidence
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
subjects <- read.csv(args[1], stringsAsFactors = FALSE)
out <- args[2]
horizon <- as.numeric(args[3])
confidence <- as.numeric(args[4])
num <- function(x) ifelse(is.na(x) & !is.nan(x), "NA", sprintf("%.17g", x))

curve_rows <- function(fit, outcome, prefix) {
  s <- summary(fit, censored = TRUE)
  data.frame(outcome = outcome, group = sub(prefix, "", as.character(s$strata)), time = s$time,
             n_risk = s$n.risk, n_event = s$n.event, n_censor = s$n.censor,
             surv = num(s$surv), std_err = num(s$std.err), lower = num(s$lower), upper = num(s$upper))
}

curves <- list()
tests <- list()
for (o in unique(subjects$outcome)) {
  d <- subjects[subjects$outcome == o, ]
  d$group <- paste(d$arm, d$stratum, sep = "|")
  pooled <- survfit(Surv(day, event) ~ arm, data = d, conf.type = "log-log", conf.int = confidence)
  by_stratum <- survfit(Surv(day, event) ~ group, data = d, conf.type = "log-log", conf.int = confidence)
  curves[[length(curves) + 1]] <- curve_rows(pooled, o, "^arm=")
  curves[[length(curves) + 1]] <- curve_rows(by_stratum, o, "^group=")

  plain <- survdiff(Surv(day, event) ~ arm, data = d)
  strat <- survdiff(Surv(day, event) ~ arm + strata(stratum), data = d)
  rm <- summary(pooled, rmean = horizon)$table
  e <- rm["arm=exposed", ]
  c <- rm["arm=control", ]
  diff <- e[["rmean"]] - c[["rmean"]]
  se <- sqrt(e[["se(rmean)"]]^2 + c[["se(rmean)"]]^2)
  z <- qnorm(1 - (1 - confidence) / 2)
  values <- c(
    logrank_chi2 = plain$chisq, logrank_p = pchisq(plain$chisq, 1, lower.tail = FALSE),
    stratified_chi2 = strat$chisq, stratified_p = pchisq(strat$chisq, 1, lower.tail = FALSE),
    rmst_exposed = e[["rmean"]], rmst_exposed_se = e[["se(rmean)"]],
    rmst_control = c[["rmean"]], rmst_control_se = c[["se(rmean)"]],
    rmst_diff = diff, rmst_diff_se = se, rmst_diff_ci_low = diff - z * se, rmst_diff_ci_high = diff + z * se,
    n_exposed = e[["records"]], n_control = c[["records"]], events_exposed = e[["events"]], events_control = c[["events"]])
  tests[[length(tests) + 1]] <- data.frame(outcome = o, name = names(values), value = num(values))
}
write.csv(do.call(rbind, curves), file.path(out, "r_curves.csv"), row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, tests), file.path(out, "r_tests.csv"), row.names = FALSE, quote = FALSE)
