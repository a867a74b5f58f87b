package io.authcore.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * helm-chart/ rendered by Helm's own template engine (helm-java bundles it), with the default
 * values and with the settings a user sets, and what Kubernetes and the issue ask of the result:
 * every document a Kubernetes object with a valid name, string values wherever Kubernetes wants
 * strings, the image the README tells users to build, probes that never restart a pod for a
 * database outage, and resources that fit the worst sign-in.
 */
class HelmChartTest {
  private static final Path CHART = Path.of("helm-chart");
  private static final Pattern DNS_1123 = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  @Test
  void lintsCleanInStrictMode() {
    LintResult lint = new Helm(CHART).lint().strict().call();
    assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
  }

  @Test
  void defaultValuesRenderAConfigMapASecretAServiceAndADeployment() {
    List<Map<String, Object>> docs = render(t -> t);
    assertEquals(
        List.of("ConfigMap", "Secret", "Service", "Deployment"),
        docs.stream().map(d -> d.get("kind")).sorted(HelmChartTest::byKindOrder).toList());
    docs.forEach(HelmChartTest::isKubernetesObject);
  }

  @Test
  void theImageIsWhatTheReadmeTellsUsersToBuildAndPush() throws Exception {
    String appVersion = chartYaml().get("appVersion").toString();
    Map<String, Object> container =
        container(render(t -> t.set("image.repository", "registry.example.com/authcore")));
    assertEquals("registry.example.com/authcore:" + appVersion, container.get("image"));
    // README: docker build -t <registry>/authcore:<appVersion> . and helm install ... --set
    // image.repository=<registry>/authcore
    String readme = Files.readString(Path.of("README.md"));
    Matcher build = Pattern.compile("build -t (\\S+)/authcore:(\\S+) \\.").matcher(readme);
    assertTrue(build.find(), "the README's docker build command");
    assertEquals(appVersion, build.group(2), "the README's image tag is the chart's appVersion");
    assertTrue(
        readme.contains("--set image.repository=" + build.group(1) + "/authcore"),
        "the README's helm install names the repository it built");
  }

  @Test
  void livenessNeverAsksTheDatabaseAndReadinessIsHello() {
    Map<String, Object> container = container(render(t -> t));
    assertEquals("/health/live", path(container, "livenessProbe"));
    assertEquals("/hello", path(container, "readinessProbe"));
    assertEquals(
        3567, ((Map<?, ?>) ((List<?>) container.get("ports")).get(0)).get("containerPort"));
  }

  @Test
  void resourcesLeaveRoomForTheWorstSignInAndNoCpuLimitThrottlesIt() {
    Map<?, ?> resources = (Map<?, ?>) container(render(t -> t)).get("resources");
    Map<?, ?> limits = (Map<?, ?>) resources.get("limits");
    // An argon2 verification at the import bound (256 MiB, outside the heap) beside a full
    // 256 MB heap peaked at 612 MiB resident (bench/run ops,
    // bench/results/20261207-184941-ops-peak-memory.md).
    assertTrue(mebibytes(limits.get("memory").toString()) >= 612 + 64, limits.toString());
    assertNull(limits.get("cpu"), "a CPU limit would throttle a 1.5 s worst-case hash");
  }

  @Test
  void runsAsTheImagesNonRootUserWithAReadOnlyRootFileSystem() throws Exception {
    Map<String, Object> pod = podSpec(render(t -> t));
    Map<?, ?> security = (Map<?, ?>) pod.get("securityContext");
    assertEquals(true, security.get("runAsNonRoot"));
    Matcher user =
        Pattern.compile("(?m)^USER (\\d+):(\\d+)$")
            .matcher(Files.readString(Path.of("Dockerfile")));
    assertTrue(user.find());
    assertEquals(Integer.parseInt(user.group(1)), security.get("runAsUser"));
    Map<?, ?> container = (Map<?, ?>) ((List<?>) pod.get("containers")).get(0);
    assertEquals(
        true, ((Map<?, ?>) container.get("securityContext")).get("readOnlyRootFilesystem"));
  }

  @Test
  void aUsersSettingsBecomeStringEnvironmentVariables() {
    List<Map<String, Object>> docs =
        render(
            t ->
                t.set("database.user", "supertokens_user")
                    .set("database.password", "somePassword")
                    .set("database.port", 5433)
                    .set("apiKeys.enabled", true)
                    .set("apiKeys.keys[0]", "an-api-key-of-20-characters")
                    .set("javaOpts", "-Xmx512m")
                    .set("config.ACCESS_TOKEN_VALIDITY", 1800));
    docs.forEach(HelmChartTest::isKubernetesObject);
    Map<?, ?> secret = (Map<?, ?>) byKind(docs, "Secret").get("stringData");
    assertEquals("5433", secret.get("POSTGRESQL_PORT"));
    assertEquals("supertokens_user", secret.get("POSTGRESQL_USER"));
    assertEquals("an-api-key-of-20-characters", secret.get("API_KEYS"));
    Map<?, ?> config = (Map<?, ?>) byKind(docs, "ConfigMap").get("data");
    assertEquals("1800", config.get("ACCESS_TOKEN_VALIDITY"));
    assertEquals("-Xmx512m", config.get("JAVA_OPTS"));
  }

  @Test
  void podsCarryThePrometheusScrapeAnnotationsForTheKeylessMetricsPort() {
    List<Map<String, Object>> docs = render(t -> t);
    Map<?, ?> annotations = podAnnotations(docs);
    assertEquals("true", annotations.get("prometheus.io/scrape"));
    assertEquals("9464", annotations.get("prometheus.io/port"));
    assertEquals("/metrics", annotations.get("prometheus.io/path"));
    Map<String, Object> container = container(docs);
    assertTrue(container.get("env").toString().contains("{name=METRICS_PORT, value=9464}"));
    assertTrue(container.get("ports").toString().contains("name=metrics, containerPort=9464"));
    Map<?, ?> service = (Map<?, ?>) byKind(docs, "Service").get("spec");
    assertFalse(service.get("ports").toString().contains("9464"), "only the pod has that port");

    List<Map<String, Object>> other = render(t -> t.set("metrics.port", 9100));
    assertEquals("9100", podAnnotations(other).get("prometheus.io/port"));
    assertTrue(container(other).get("env").toString().contains("{name=METRICS_PORT, value=9100}"));

    List<Map<String, Object>> off = render(t -> t.set("metrics.enabled", false));
    assertFalse(podAnnotations(off).containsKey("prometheus.io/scrape"));
    assertFalse(container(off).get("env").toString().contains("METRICS_PORT"));
    assertEquals(1, ((List<?>) container(off).get("ports")).size());
  }

  private static Map<?, ?> podAnnotations(List<Map<String, Object>> docs) {
    Map<?, ?> spec = (Map<?, ?>) byKind(docs, "Deployment").get("spec");
    return (Map<?, ?>)
        ((Map<?, ?>) ((Map<?, ?>) spec.get("template")).get("metadata")).get("annotations");
  }

  @Test
  void anExistingSecretReplacesTheChartsOwn() {
    List<Map<String, Object>> docs = render(t -> t.set("existingSecret", "authcore-secrets"));
    assertTrue(docs.stream().noneMatch(d -> "Secret".equals(d.get("kind"))));
    Map<String, Object> container = container(docs);
    assertTrue(container.get("envFrom").toString().contains("name=authcore-secrets"));
  }

  /** What Kubernetes checks of any object, and strings where it accepts only strings. */
  private static void isKubernetesObject(Map<String, Object> doc) {
    assertTrue(doc.get("apiVersion") instanceof String, doc.toString());
    assertTrue(doc.get("kind") instanceof String, doc.toString());
    Map<?, ?> metadata = (Map<?, ?>) doc.get("metadata");
    String name = (String) metadata.get("name");
    assertTrue(name.length() <= 63 && DNS_1123.matcher(name).matches(), name);
    ((Map<?, ?>) metadata.get("labels"))
        .values()
        .forEach(v -> assertTrue(v instanceof String, "label value " + v));
    for (String field : List.of("data", "stringData")) {
      Object values = doc.get(field);
      if (values != null) {
        ((Map<?, ?>) values)
            .forEach((k, v) -> assertTrue(v instanceof String, field + "." + k + " = " + v));
      }
    }
    if ("Deployment".equals(doc.get("kind"))) {
      for (Object env : (List<?>) container(List.of(doc)).get("env")) {
        assertTrue(((Map<?, ?>) env).get("value") instanceof String, env.toString());
      }
      Map<?, ?> spec = (Map<?, ?>) doc.get("spec");
      Map<?, ?> template = (Map<?, ?>) spec.get("template");
      assertEquals(
          ((Map<?, ?>) spec.get("selector")).get("matchLabels"),
          filter(
              (Map<?, ?>) ((Map<?, ?>) template.get("metadata")).get("labels"),
              (Map<?, ?>) ((Map<?, ?>) spec.get("selector")).get("matchLabels")),
          "the selector matches the pod's labels");
    }
  }

  private static Map<?, ?> filter(Map<?, ?> labels, Map<?, ?> keys) {
    Map<Object, Object> out = new java.util.LinkedHashMap<>();
    keys.keySet().forEach(k -> out.put(k, labels.get(k)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> render(UnaryOperator<TemplateCommand> settings) {
    String manifest = settings.apply(new Helm(CHART).template().withName("auth")).call();
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : new Yaml().loadAll(manifest)) {
      if (doc != null) {
        docs.add((Map<String, Object>) doc);
      }
    }
    return docs;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> chartYaml() throws Exception {
    return (Map<String, Object>) new Yaml().load(Files.readString(CHART.resolve("Chart.yaml")));
  }

  private static Map<String, Object> byKind(List<Map<String, Object>> docs, String kind) {
    return docs.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> podSpec(List<Map<String, Object>> docs) {
    Map<?, ?> spec = (Map<?, ?>) byKind(docs, "Deployment").get("spec");
    return (Map<String, Object>) ((Map<?, ?>) spec.get("template")).get("spec");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> container(List<Map<String, Object>> docs) {
    return (Map<String, Object>) ((List<?>) podSpec(docs).get("containers")).get(0);
  }

  private static String path(Map<String, Object> container, String probe) {
    return ((Map<?, ?>) ((Map<?, ?>) container.get(probe)).get("httpGet")).get("path").toString();
  }

  private static long mebibytes(String quantity) {
    if (quantity.endsWith("Gi")) {
      return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
    }
    assertTrue(quantity.endsWith("Mi"), quantity);
    return Long.parseLong(quantity.substring(0, quantity.length() - 2));
  }

  private static int byKindOrder(Object a, Object b) {
    List<String> order = List.of("ConfigMap", "Secret", "Service", "Deployment");
    return Integer.compare(order.indexOf(a.toString()), order.indexOf(b.toString()));
  }
}
