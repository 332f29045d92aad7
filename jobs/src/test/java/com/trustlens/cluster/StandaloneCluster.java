package com.trustlens.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Spark standalone master and workers on 127.0.0.1, each in its own JVM started from the Spark jars of the
 * test classpath (no Spark download), on free ports; {@link #close()} stops every process it started.
 */
final class StandaloneCluster implements AutoCloseable {
  /** Jars of the test classpath that a Spark distribution does not have: TrustLens's own dependencies and test tools. */
  private static final List<String> NOT_SPARK = List.of("/io/delta/", "/info/picocli/", "/jackson-dataformat-yaml/",
      "/jackson-datatype-jsr310/", "/org/yaml/snakeyaml/", "/org/junit/", "/junit/junit/", "/org/opentest4j/",
      "/org/apiguardian/", "/org/hamcrest/", "/com/holdenkarau/", "/org/apache/maven/");

  private final Path dir;
  private final Path sparkHome;
  private final List<String> jvmFlags;
  private final List<Process> processes = new ArrayList<>();
  private final List<Path> workDirs = new ArrayList<>();
  private final int port;
  private final int webUiPort;

  private StandaloneCluster(Path dir) {
    this.dir = dir;
    this.sparkHome = dir.resolve("sparkhome");
    this.jvmFlags = jvmFlags();
    this.port = freePort();
    this.webUiPort = freePort();
  }

  /** Starts a master and the workers (one core each) and returns once every worker has registered. */
  static StandaloneCluster start(Path dir, int workers) {
    StandaloneCluster cluster = new StandaloneCluster(dir);
    try {
      cluster.linkSparkJars();
      cluster.launch("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
          "--port", Integer.toString(cluster.port), "--webui-port", Integer.toString(cluster.webUiPort));
      for (int i = 0; i < workers; i++) {
        Path work = Files.createDirectories(dir.resolve("work-" + i));
        cluster.workDirs.add(work);
        cluster.launch("worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
            "--webui-port", Integer.toString(freePort()), "--cores", "1", "--memory", "1g",
            "--work-dir", work.toString(), cluster.masterUrl());
      }
      cluster.awaitWorkers(workers, 120);
      return cluster;
    } catch (IOException e) {
      cluster.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + port;
  }

  /** The folder holding Spark's jars alone, as on a real cluster: what drivers and executors load. */
  Path jars() {
    return sparkHome.resolve("jars");
  }

  /** Environment of every Spark JVM here; the worker needs SPARK_HOME/jars and the Scala version to launch executors. */
  Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.12");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    return env;
  }

  /** A java command on Spark's jars with the JVM flags Spark needs. */
  List<String> java(String heap, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(List.of("-Xmx" + heap, "-cp", jars() + File.separator + "*", mainClass));
    command.addAll(List.of(args));
    return command;
  }

  /** The master's view of the cluster (its web UI's JSON): workers, running and completed applications. */
  JsonNode state() {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webUiPort + "/json/")).timeout(Duration.ofSeconds(10))
              .build(), HttpResponse.BodyHandlers.ofString());
      return new ObjectMapper().readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException("the master's web UI does not answer on port " + webUiPort, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The executor folders a worker made (work-dir/app-id/executor-id): one per executor it ran. */
  List<Path> executorDirs(int worker) {
    try (Stream<Path> apps = Files.list(workDirs.get(worker))) {
      List<Path> executors = new ArrayList<>();
      for (Path app : apps.toList()) {
        try (Stream<Path> e = Files.list(app)) {
          executors.addAll(e.toList());
        }
      }
      return executors;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last lines every process logged, for a failure message. */
  String logs() {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
      for (Path f : files.sorted().toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        sb.append("\n--- ").append(f.getFileName()).append('\n')
            .append(text.length() > 3000 ? "..." + text.substring(text.length() - 3000) : text);
      }
    } catch (IOException e) {
      sb.append("\n(logs unreadable: ").append(e).append(')');
    }
    return sb.toString();
  }

  /** Stops workers then master (SIGTERM, then SIGKILL after 20 s), and any executor they left behind. */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      List<ProcessHandle> children = p.descendants().toList();
      p.destroy();
      try {
        if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
      children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
    processes.clear();
  }

  // Spark's side of the test classpath, linked into SPARK_HOME/jars: TrustLens's classes and its own dependencies
  // stay out, so the submitted run only works if the cluster jar carries them.
  private void linkSparkJars() throws IOException {
    Files.createDirectories(jars());
    Files.createDirectories(dir.resolve("logs"));
    Path project = Path.of("").toAbsolutePath();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    int linked = 0;
    for (String entry : classpath.split(File.pathSeparator)) {
      Path jar = Path.of(entry).toAbsolutePath();
      String unix = jar.toString().replace(File.separatorChar, '/');
      if (!unix.endsWith(".jar") || jar.startsWith(project) || NOT_SPARK.stream().anyMatch(unix::contains)) continue;
      Path link = jars().resolve(jar.getFileName());
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(link, jar);
      linked++;
    }
    if (linked < 50) {
      throw new IllegalStateException("only " + linked + " Spark jars on the test classpath: " + classpath);
    }
  }

  private void launch(String name, String mainClass, String... args) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(java("512m", mainClass, args)).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(dir.resolve("logs").resolve(name + ".log").toFile());
    pb.environment().putAll(environment());
    processes.add(pb.start());
  }

  private void awaitWorkers(int workers, int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      for (Process p : processes) {
        if (!p.isAlive()) throw new IllegalStateException("a cluster process exited with " + p.exitValue() + logs());
      }
      try {
        JsonNode s = state();
        if (s.path("aliveworkers").asInt() == workers) return;
        last = "alive workers: " + s.path("aliveworkers").asInt();
      } catch (UncheckedIOException e) {
        last = e.getMessage();
      }
      sleep(500);
    }
    throw new IllegalStateException("the cluster was not up within " + seconds + " s (" + last + ")" + logs());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // The flags of conf/jvm.properties, as bin/trustlens and the Maven build use them.
  private static List<String> jvmFlags() {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(Path.of("conf", "jvm.properties"))) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.of(p.getProperty("spark.jvm.flags").trim().split("\\s+"));
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
