package io.qserverless.gateway.program;

import io.qserverless.gateway.dependency.ResolvedDependency;
import io.qserverless.gateway.error.InvalidInputException;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Decides how an unpacked program starts, compiling Java sources once.
 *
 * <p>Entrypoints: a {@code .java} file with a main method (all sources of the directory are
 * compiled, release 21, against the platform and dependency jars; errors come back as 400); a
 * {@code .jar} with a {@code Main-Class}; a main class name found in the directory's jars or
 * classes; or any other executable file (shell script, {@code #!} script, {@code .py} through
 * python3) following the env contract of API.md.
 */
final class LaunchPlanner {
  static final String APP = "app";
  static final String CLASSES = "classes";
  private static final Pattern CLASS_NAME =
      Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");
  // Names that are files, not class names, although "Main.java" also parses as a class "java" in
  // package "Main".
  private static final Pattern FILE_NAME = Pattern.compile("(?i).*\\.(java|jar|class|py|sh)");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
  private static final int MAX_MESSAGE = 4000;

  private LaunchPlanner() {}

  /**
   * Plans (and compiles into {@code artifact/classes}) the start of {@code entrypoint}; a Java
   * program compiles and runs with the {@code dependencies} jars.
   */
  static Launch plan(Path artifact, String entrypoint, List<ResolvedDependency> dependencies)
      throws IOException {
    Path app = artifact.resolve(APP);
    Path file = app.resolve(entrypoint).normalize();
    boolean exists = file.startsWith(app) && Files.isRegularFile(file);
    if (entrypoint.endsWith(".java") && exists) {
      String main = compile(app, artifact.resolve(CLASSES), file, dependencies);
      return javaLaunch(artifact, main, List.of(CLASSES, APP), dependencies);
    }
    if (entrypoint.endsWith(".jar") && exists) {
      return javaLaunch(
          artifact,
          mainClassOf(file, entrypoint),
          List.of(APP + "/" + entrypoint, APP),
          dependencies);
    }
    if (exists) {
      if (!dependencies.isEmpty()) {
        throw new InvalidInputException(
            "The entrypoint '"
                + entrypoint
                + "' is not a Java program, but the upload declares "
                + "dependencies, which are Maven jars for Java programs; remove them, or ship what the program needs in its directory.");
      }
      return script(file, entrypoint);
    }
    if (CLASS_NAME.matcher(entrypoint).matches() && !FILE_NAME.matcher(entrypoint).matches()) {
      return javaLaunch(artifact, entrypoint, List.of(APP), dependencies);
    }
    throw new InvalidInputException(
        "The entrypoint file '"
            + entrypoint
            + "' is not in the uploaded directory; give a path relative to it (e.g. Main.java).");
  }

  private static Launch javaLaunch(
      Path artifact, String main, List<String> first, List<ResolvedDependency> dependencies)
      throws IOException {
    Set<String> cp = new LinkedHashSet<>(first);
    Path app = artifact.resolve(APP);
    jarsOf(app).forEach(j -> cp.add(APP + "/" + app.relativize(j)));
    List<URL> urls = new ArrayList<>();
    for (String e : cp) {
      urls.add(artifact.resolve(e).toUri().toURL());
    }
    for (ResolvedDependency d : dependencies) {
      urls.add(Path.of(d.jar()).toUri().toURL());
    }
    for (Path e : PlatformClasspath.entries()) {
      urls.add(e.toUri().toURL());
    }
    // The job's class path exactly: the program's entries, the platform jars and the JDK, not the
    // gateway's own classes.
    try (URLClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Class.forName(main, false, loader).getMethod("main", String[].class);
    } catch (ClassNotFoundException e) {
      throw new InvalidInputException(
          "The main class '"
              + main
              + "' is not in the uploaded directory or its jars; check the entrypoint's name and package.");
    } catch (NoSuchMethodException e) {
      throw new InvalidInputException(
          "The class '"
              + main
              + "' has no 'public static void main(String[] args)'; add one, it is where the job starts.");
    } catch (LinkageError e) {
      throw new InvalidInputException(
          "The main class '"
              + main
              + "' cannot be loaded on the job's class path ("
              + e
              + "): it needs a class that is neither in the uploaded directory, its dependencies nor the platform jars; "
              + "declare the library it comes from as a dependency, or put its jar into the uploaded directory.");
    }
    return Launch.java(main, List.copyOf(cp), dependencies);
  }

  private static String compile(
      Path app, Path classes, Path entry, List<ResolvedDependency> dependencies)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException(
          "the gateway runs on a JRE without javac; run it on a JDK 21+");
    }
    List<String> sources;
    try (Stream<Path> s = Files.walk(app)) {
      sources =
          s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
              .map(Path::toString)
              .toList();
    }
    List<Path> cp = new ArrayList<>(PlatformClasspath.entries());
    cp.addAll(jarsOf(app));
    dependencies.forEach(d -> cp.add(Path.of(d.jar())));
    Files.createDirectories(classes);
    List<String> args =
        new ArrayList<>(
            List.of(
                "--release",
                "21",
                "-proc:none",
                "-nowarn",
                "-encoding",
                "UTF-8",
                "-d",
                classes.toString(),
                "-classpath",
                String.join(File.pathSeparator, cp.stream().map(Path::toString).toList())));
    StringWriter out = new StringWriter();
    boolean ok;
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      ok =
          javac
              .getTask(out, files, null, args, null, files.getJavaFileObjectsFromStrings(sources))
              .call();
    }
    if (!ok) {
      String msg = out.toString().replace(app.toString() + "/", "");
      throw new InvalidInputException(
          "The program does not compile; fix these errors and upload again:\n"
              + (msg.length() > MAX_MESSAGE ? msg.substring(0, MAX_MESSAGE) + "\n..." : msg));
    }
    String name = entry.getFileName().toString().replace(".java", "");
    Matcher pkg = PACKAGE.matcher(Files.readString(entry, StandardCharsets.UTF_8));
    return pkg.find() ? pkg.group(1) + "." + name : name;
  }

  private static String mainClassOf(Path jar, String entrypoint) throws IOException {
    try (JarFile j = new JarFile(jar.toFile())) {
      String main =
          j.getManifest() == null
              ? null
              : j.getManifest().getMainAttributes().getValue("Main-Class");
      if (main == null) {
        throw new InvalidInputException(
            "The jar '"
                + entrypoint
                + "' has no Main-Class in its manifest; add one, or give the main class name as entrypoint.");
      }
      return main.trim();
    } catch (java.util.zip.ZipException e) {
      throw new InvalidInputException(
          "The entrypoint '" + entrypoint + "' is not a valid jar (" + e.getMessage() + ").");
    }
  }

  private static Launch script(Path file, String entrypoint) throws IOException {
    if (entrypoint.endsWith(".py")) {
      return Launch.command(List.of("python3", entrypoint));
    }
    byte[] head = new byte[2];
    try (var in = Files.newInputStream(file)) {
      in.read(head);
    }
    if (!Files.isExecutable(file) && !(head[0] == '#' && head[1] == '!')) {
      throw new InvalidInputException(
          "The entrypoint '"
              + entrypoint
              + "' is neither Java (.java, .jar, main class) nor an executable or #! script; mark it executable (chmod +x).");
    }
    file.toFile().setExecutable(true);
    return Launch.command(List.of("./" + entrypoint));
  }

  private static List<Path> jarsOf(Path app) throws IOException {
    try (Stream<Path> s = Files.walk(app)) {
      return s.filter(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p))
          .sorted()
          .toList();
    }
  }
}
