package io.qserverless.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real child JVMs: each program run through the {@link Launcher} (released with {@code go}) prints
 * exactly what plain {@code java -cp dir Cls} prints on the same program, on the same streams, and
 * ends with the same status; a launcher that is not released runs nothing of the program.
 */
@Timeout(120)
class LauncherTest {
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  /** Compiled for release 21, except the JEP 512 programs (release 25). */
  private static final Map<String, String> PROGRAMS =
      Map.ofEntries(
          Map.entry(
              "Echo",
              """
              public class Echo {
                public static void main(String[] args) {
                  System.out.println(args.length + " " + String.join("|", args));
                  System.out.println(System.getProperty("sun.java.command"));
                  System.err.println("to stderr");
                }
              }
              """),
          Map.entry(
              "Thrower",
              """
              public class Thrower {
                public static void main(String[] args) throws Exception {
                  try {
                    deep();
                  } catch (IllegalStateException e) {
                    Exception outer = new Exception("outer", e);
                    outer.addSuppressed(new RuntimeException("suppressed"));
                    throw outer;
                  }
                }
                static void deep() { throw new IllegalStateException("inner"); }
              }
              """),
          Map.entry(
              "BadInit",
              """
              public class BadInit {
                static { if (true) throw new IllegalStateException("static init"); }
                public static void main(String[] args) {}
              }
              """),
          Map.entry(
              "Inherits",
              """
              class Base {
                static { System.out.println("Base initialized"); }
                public static void main(String[] args) { System.out.println("Base.main"); }
              }
              public class Inherits extends Base {
                static { System.out.println("Inherits initialized"); }
              }
              """),
          Map.entry("NoMain", "public class NoMain { static void start(String[] args) {} }"),
          Map.entry(
              "Exits",
              "public class Exits { public static void main(String[] a) { System.exit(3); } }"),
          Map.entry(
              "ReadsInput",
              """
              public class ReadsInput {
                public static void main(String[] args) throws Exception {
                  System.out.println("read [" + new String(System.in.readAllBytes()) + "]");
                }
              }
              """),
          Map.entry(
              "Marker",
              """
              public class Marker {
                static {
                  try {
                    java.nio.file.Files.writeString(
                        java.nio.file.Path.of(System.getProperty("marker")), "initialized");
                  } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
                }
                public static void main(String[] args) {
                  System.out.println("ran");
                  System.exit(0); // asks the JDK for a System.Logger: the provider is loaded
                }
              }
              """));

  /**
   * On its own class path entry: a service provider that marks its loading, which the JDK asks for
   * when {@code System.exit} logs (JDK 17+), searching every class path entry for it.
   */
  private static final Map<String, String> PROVIDER =
      Map.of(
          "MarkingLoggerFinder",
          """
          public class MarkingLoggerFinder extends System.LoggerFinder {
            public MarkingLoggerFinder() throws java.io.IOException {
              java.nio.file.Files.writeString(
                  java.nio.file.Path.of(System.getProperty("provider.marker")), "loaded");
            }
            @Override
            public System.Logger getLogger(String name, Module module) {
              return new System.Logger() {
                public String getName() { return name; }
                public boolean isLoggable(System.Logger.Level level) { return false; }
                public void log(System.Logger.Level l, java.util.ResourceBundle b, String m,
                    Throwable t) {}
                public void log(System.Logger.Level l, java.util.ResourceBundle b, String f,
                    Object... p) {}
              };
            }
          }
          """);

  private static final Map<String, String> JEP_512_PROGRAMS =
      Map.of(
          "InheritsDefault",
          """
          interface HasMain { default void main() { IO.println("default main of " + getClass()); } }
          public class InheritsDefault implements HasMain {}
          """,
          "NotVoid",
          """
          public class NotVoid {
            public static int main(String[] args) { return 1; }
            void main() { IO.println("main()"); }
          }
          """,
          "PrivateWithArgs",
          """
          public class PrivateWithArgs {
            private static void main(String[] args) { IO.println("private"); }
            static void main() { IO.println("static main()"); }
          }
          """,
          "ConstructorThrows",
          """
          public class ConstructorThrows {
            ConstructorThrows() { throw new IllegalStateException("constructor"); }
            void main() {}
          }
          """,
          "Abstract",
          "public abstract class Abstract { void main() {} }",
          "Outer",
          "public class Outer { public class Inner { void main() {} } }",
          "Compact",
          """
          void main() {
            IO.println("compact " + getClass().getName());
          }
          """,
          "BothMains",
          """
          class BothMains {
            BothMains() { IO.println("constructed"); }
            static void main() { IO.println("main()"); }
            void main(String[] args) { IO.println("main(String[]) " + args.length); }
          }
          """,
          "PrivateConstructor",
          """
          class PrivateConstructor {
            private PrivateConstructor() {}
            void main() {}
          }
          """);

  @TempDir static Path programs;
  @TempDir static Path provider;
  private static Path runtime;

  @BeforeAll
  static void compile() throws Exception {
    runtime = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    javac("21", PROGRAMS, programs);
    javac("25", JEP_512_PROGRAMS, programs);
    javac("21", PROVIDER, provider);
    Files.writeString(
        Files.createDirectories(provider.resolve("META-INF/services"))
            .resolve("java.lang.System$LoggerFinder"),
        "MarkingLoggerFinder\n");
  }

  @Test
  void a_static_main_gets_its_arguments_and_its_own_command() throws Exception {
    Run run = assertSameAsJava("Echo", "one", "two words", "");

    assertThat(run.out()).isEqualTo("3 one|two words|\nEcho one two words \n");
    assertThat(run.err()).isEqualTo("to stderr\n");
  }

  @Test
  void an_instance_main_of_a_compact_source_file_runs_as_jep_512_says() throws Exception {
    assertThat(assertSameAsJava("Compact").out()).isEqualTo("compact Compact\n");
  }

  @Test
  void main_with_arguments_is_chosen_before_main_without_and_an_instance_one_is_constructed()
      throws Exception {
    assertThat(assertSameAsJava("BothMains", "x").out())
        .isEqualTo("constructed\nmain(String[]) 1\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "InheritsDefault",
        "NotVoid",
        "PrivateWithArgs",
        "ConstructorThrows",
        "Abstract",
        "Outer$Inner"
      })
  void an_inherited_default_main_unusable_mains_and_refused_or_failing_instances_are_as_with_java(
      String mainClass) throws Exception {
    assertThat(assertSameAsJava(mainClass).err()).doesNotContain("Could not find or load");
  }

  @Test
  void an_inherited_static_main_runs_after_the_main_class_is_initialized() throws Exception {
    assertThat(assertSameAsJava("Inherits").out())
        .isEqualTo("Base initialized\nInherits initialized\nBase.main\n");
  }

  @Test
  void an_uncaught_exception_gets_the_report_of_java_without_the_launchers_frames()
      throws Exception {
    Run run = assertSameAsJava("Thrower");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("Exception in thread \"main\" java.lang.Exception: outer\n\tat Thrower.main(")
        .contains("Caused by: java.lang.IllegalStateException: inner")
        .doesNotContain("qserverless", "java.lang.invoke");
  }

  @Test
  void a_failing_static_initializer_is_reported_as_java_reports_it() throws Exception {
    Run run = assertSameAsJava("BadInit");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "Exception in thread \"main\" java.lang.ExceptionInInitializerError\n"
                + "Caused by: java.lang.IllegalStateException: static init\n"
                + "\tat BadInit.<clinit>(BadInit.java:2)\n");
  }

  @Test
  void a_missing_main_class_gets_the_message_of_java() throws Exception {
    Run run = assertSameAsJava("NotThere");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "Error: Could not find or load main class NotThere\n"
                + "Caused by: java.lang.ClassNotFoundException: NotThere\n");
  }

  @Test
  void a_class_without_a_main_method_gets_the_message_of_java() throws Exception {
    Run run = assertSameAsJava("NoMain");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith("Error: Main method not found in class NoMain, please");
  }

  @Test
  void an_instance_main_with_a_private_constructor_gets_the_message_of_java() throws Exception {
    Run run = assertSameAsJava("PrivateConstructor");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("Error: no non-private zero argument constructor found in class");
  }

  @Test
  void system_exit_ends_with_the_programs_status() throws Exception {
    assertThat(assertSameAsJava("Exits").exit()).isEqualTo(3);
  }

  @Test
  void the_program_reads_the_end_of_its_input_after_go() throws Exception {
    assertThat(assertSameAsJava("ReadsInput").out()).isEqualTo("read []\n");
  }

  @Test
  void the_launcher_reads_nothing_past_the_line_go() throws Exception {
    Run run = launch("go\nthe rest", "ReadsInput");

    assertThat(run.out()).isEqualTo("read [the rest]\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "go", "no\n", "gone\n", "go \n", "Go\n", "\ngo\n"})
  void without_exactly_go_it_exits_125_having_run_nothing_of_the_program(String input)
      throws Exception {
    String name = Integer.toHexString(input.hashCode());
    Path initialized = programs.resolve("initialized-" + name);
    Path loaded = programs.resolve("provider-" + name);
    Run run = launchMarker(input, initialized, loaded);

    if (input.equals("go")) { // the end of input ends the line too
      assertThat(run).isEqualTo(new Run(0, "ran\n", ""));
      assertThat(initialized).hasContent("initialized");
      assertThat(loaded).hasContent("loaded");
      return;
    }
    assertThat(run).isEqualTo(new Run(Launcher.NOT_RELEASED, "", ""));
    assertThat(initialized).as("the main class's static initializer ran").doesNotExist();
    assertThat(loaded).as("a service provider of the program was loaded").doesNotExist();
  }

  @Test
  void released_it_initializes_the_program_and_its_providers_it_had_not_touched() throws Exception {
    Path initialized = programs.resolve("initialized-released");
    Path loaded = programs.resolve("provider-released");

    assertThat(launchMarker("go\n", initialized, loaded)).isEqualTo(new Run(0, "ran\n", ""));
    assertThat(initialized).hasContent("initialized");
    assertThat(loaded).hasContent("loaded");
  }

  private static Run launchMarker(String input, Path initialized, Path loaded) throws Exception {
    return run(
        input,
        List.of(
            JAVA,
            "-Dmarker=" + initialized,
            "-Dprovider.marker=" + loaded,
            "-cp",
            runtime + ":" + programs + ":" + provider,
            Launcher.class.getName(),
            "Marker"));
  }

  @Test
  void without_a_main_class_it_prints_its_usage_and_exits_2() throws Exception {
    Run run = run("go\n", List.of(JAVA, "-cp", runtime.toString(), Launcher.class.getName()));

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith(
            "usage: java [options] -cp <runtime jar>:<program>... " + Launcher.class.getName());
  }

  /** The program through the launcher and through plain java: same output, errors and status. */
  private static Run assertSameAsJava(String mainClass, String... args) throws Exception {
    List<String> plain = new ArrayList<>(List.of(JAVA, "-cp", programs.toString(), mainClass));
    plain.addAll(List.of(args));
    Run java = run("", plain);
    Run launched = launch("go\n", mainClass, args);

    assertThat(launched).as("through the launcher vs plain java").isEqualTo(java);
    return launched;
  }

  private static Run launch(String input, String mainClass, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(JAVA, "-cp", runtime + ":" + programs, Launcher.class.getName(), mainClass));
    cmd.addAll(List.of(args));
    return run(input, cmd);
  }

  private static Run run(String input, List<String> cmd) throws Exception {
    Path out = Files.createTempFile(programs, "out", ".txt");
    Path err = Files.createTempFile(programs, "err", ".txt");
    Process p =
        new ProcessBuilder(cmd)
            .directory(programs.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try (OutputStream stdin = p.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // the JVM ended before reading all of it (a launcher that was not released)
    }
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("did not end within 60 s: " + cmd);
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static void javac(String release, Map<String, String> sources, Path to)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("--release", release, "-d", to.toString()));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path dir = Files.createDirectories(to.resolve("src-" + source.getKey()));
      args.add(
          Files.writeString(dir.resolve(source.getKey() + ".java"), source.getValue()).toString());
    }
    if (ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))
        != 0) {
      throw new IllegalStateException("test programs do not compile for release " + release);
    }
  }

  private record Run(int exit, String out, String err) {}
}
