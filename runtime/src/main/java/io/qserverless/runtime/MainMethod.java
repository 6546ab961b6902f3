package io.qserverless.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The main method a program starts with, found and invoked as the JDK 25 {@code java} launcher does
 * (JLS 12.1.4, JEP 512): a {@code main(String[])} before a {@code main()}, static or instance,
 * declared or inherited, not private, returning void; an instance one on an object made by the main
 * class's non-private no-argument constructor. Invoked through method handles, so what the program
 * throws reaches the caller as it was thrown. An unusable main class gets the JDK's own message.
 */
final class MainMethod {
  private static final Class<?>[] ARGS = {String[].class};
  private static final Class<?>[] NO_ARGS = {};

  private final Class<?> mainClass;

  /** For an instance main: its main class's constructor, typed {@code ()Object}; else null. */
  private final MethodHandle constructor;

  /** Typed {@code ([Object], [String[]])void}: the receiver for an instance main, the arguments. */
  private final MethodHandle main;

  private final boolean takesArgs;

  private MainMethod(
      Class<?> mainClass, MethodHandle constructor, MethodHandle main, boolean takesArgs) {
    this.mainClass = mainClass;
    this.constructor = constructor;
    this.main = main;
    this.takesArgs = takesArgs;
  }

  /**
   * The main method of the class {@code name} of the system class loader, which is loaded (not
   * initialized: that happens when it is invoked).
   */
  static MainMethod of(String name) throws NotLaunchableException {
    Class<?> mainClass = load(name.replace('/', '.'));
    Method found;
    try {
      found = find(mainClass);
    } catch (Throwable e) {
      throw unusable(mainClass, e);
    }
    if (found == null) {
      throw new NotLaunchableException(
          "Error: Main method not found in class "
              + mainClass.getName()
              + ", please define the main method as:\n"
              + "   public static void main(String[] args)\n"
              + "or a JavaFX application class must extend javafx.application.Application");
    }
    boolean takesArgs = found.getParameterCount() == 1;
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      found.trySetAccessible();
      MethodHandle main = lookup.unreflect(found).asFixedArity();
      if (Modifier.isStatic(found.getModifiers())) {
        return new MainMethod(mainClass, null, main, takesArgs);
      }
      Constructor<?> constructor = instantiable(mainClass, found.getDeclaringClass().getName());
      constructor.trySetAccessible();
      return new MainMethod(
          mainClass,
          lookup.unreflectConstructor(constructor).asType(MethodType.methodType(Object.class)),
          main.asType(main.type().changeParameterType(0, Object.class)),
          takesArgs);
    } catch (IllegalAccessException e) {
      throw unusable(mainClass, e);
    }
  }

  /**
   * Runs the program on this thread; what it throws is thrown here, unwrapped. The main class is
   * initialized first, as the JDK's launcher does, even when its main is inherited.
   */
  void invoke(String[] args) throws Throwable {
    if (constructor == null) {
      Class.forName(mainClass.getName(), true, mainClass.getClassLoader());
      if (takesArgs) {
        main.invokeExact(args);
      } else {
        main.invokeExact();
      }
    } else {
      Object self = (Object) constructor.invokeExact();
      if (takesArgs) {
        main.invokeExact(self, args);
      } else {
        main.invokeExact(self);
      }
    }
  }

  private static Class<?> load(String name) throws NotLaunchableException {
    try {
      return Class.forName(name, false, ClassLoader.getSystemClassLoader());
    } catch (NoClassDefFoundError | ClassNotFoundException e) {
      throw new NotLaunchableException(
          "Error: Could not find or load main class "
              + name
              + "\nCaused by: "
              + e.getClass().getCanonicalName()
              + ": "
              + e.getMessage());
    } catch (LinkageError e) {
      throw new NotLaunchableException(
          "Error: LinkageError occurred while loading main class "
              + name
              + "\n\t"
              + e.getClass().getName()
              + ": "
              + e.getLocalizedMessage());
    }
  }

  /**
   * The launcher's choice: a public {@code main(String[])}, else any {@code main(String[])}; if
   * that is unusable (private, or not void), a {@code main()}; null if that is unusable too.
   */
  private static Method find(Class<?> c) throws NoSuchMethodException {
    Method m = publicMain(c);
    if (m == null) {
      m = mostSpecific(candidates(c, ARGS, true));
    }
    if (m == null || !usable(m)) {
      m = mostSpecific(candidates(c, NO_ARGS, true));
    }
    return m == null || !usable(m) ? null : m;
  }

  /**
   * {@link Class#getMethod}'s {@code main(String[])}, asked only when one is among the public
   * methods: its NoSuchMethodException costs a JEP 512 program's start milliseconds (the message is
   * built with streams and lambdas the JVM spins at first use).
   */
  private static Method publicMain(Class<?> c) throws NoSuchMethodException {
    for (Method m : c.getMethods()) {
      if (m.getName().equals("main") && Arrays.equals(m.getParameterTypes(), ARGS)) {
        return c.getMethod("main", ARGS);
      }
    }
    return null;
  }

  private static boolean usable(Method m) {
    return m.getReturnType() == void.class && !Modifier.isPrivate(m.getModifiers());
  }

  /**
   * The methods named main with {@code params} that {@code c} declares, of any access; if none,
   * those of its superclass, merged with the non-static ones of its interfaces: the search of
   * {@link Class#getMethod} without its public-only filter (a declared match hides inherited ones).
   */
  private static List<Method> candidates(Class<?> c, Class<?>[] params, boolean withStatic) {
    List<Method> found = new ArrayList<>();
    for (Method m : c.getDeclaredMethods()) {
      if (m.getName().equals("main")
          && Arrays.equals(m.getParameterTypes(), params)
          && (withStatic || !Modifier.isStatic(m.getModifiers()))) {
        found.add(m);
      }
    }
    if (!found.isEmpty()) {
      return found;
    }
    if (c.getSuperclass() != null) {
      found.addAll(candidates(c.getSuperclass(), params, true));
    }
    for (Class<?> i : c.getInterfaces()) {
      for (Method m : candidates(i, params, false)) {
        merge(found, m);
      }
    }
    return found;
  }

  /**
   * Adds {@code m} unless a method of the same return type already there overrides it (a class's
   * method overrides an interface's; of two classes' or two interfaces', the subtype's), removing
   * those it overrides.
   */
  private static void merge(List<Method> found, Method m) {
    Class<?> declaring = m.getDeclaringClass();
    for (int k = 0; k < found.size(); k++) {
      Method x = found.get(k);
      if (x.getReturnType() != m.getReturnType()) {
        continue;
      }
      Class<?> existing = x.getDeclaringClass();
      boolean overridden =
          declaring.isInterface() == existing.isInterface()
              ? declaring.isAssignableFrom(existing)
              : declaring.isInterface();
      if (overridden) {
        return;
      }
      boolean overrides =
          declaring.isInterface() == existing.isInterface()
              ? existing.isAssignableFrom(declaring)
              : existing.isInterface();
      if (overrides) {
        found.remove(k--);
      }
    }
    found.add(m);
  }

  /** The first of {@code methods} with the most specific return type; null if none. */
  private static Method mostSpecific(List<Method> methods) {
    Method best = null;
    for (Method m : methods) {
      if (best == null
          || (m.getReturnType() != best.getReturnType()
              && best.getReturnType().isAssignableFrom(m.getReturnType()))) {
        best = m;
      }
    }
    return best;
  }

  /** The no-argument constructor an instance main runs on, or the JDK's refusal. */
  private static Constructor<?> instantiable(Class<?> mainClass, String declaring)
      throws NotLaunchableException {
    if (Modifier.isAbstract(mainClass.getModifiers())) {
      throw new NotLaunchableException(
          "Error: abstract class "
              + declaring
              + " can not be instantiated\nplease use a concrete class");
    }
    if (mainClass.isMemberClass() && !Modifier.isStatic(mainClass.getModifiers())) {
      throw new NotLaunchableException(
          "Error: non-static inner class "
              + declaring
              + " constructor can not be invoked \n"
              + "make inner class static or move inner class out to separate source file");
    }
    try {
      Constructor<?> constructor = mainClass.getDeclaredConstructor();
      if (!Modifier.isPrivate(constructor.getModifiers())) {
        return constructor;
      }
    } catch (Throwable e) {
      // refused below, as the JDK does for any failure here
    }
    throw new NotLaunchableException(
        "Error: no non-private zero argument constructor found in class "
            + declaring
            + "\nremove private from existing constructor or define as:\n   public "
            + declaring
            + "()");
  }

  private static NotLaunchableException unusable(Class<?> mainClass, Throwable e) {
    return new NotLaunchableException(
        "Error: Unable to initialize main class "
            + mainClass.getName()
            + "\nCaused by: "
            + e.getClass().getName()
            + ": "
            + e.getLocalizedMessage());
  }

  /** A main class {@code java} would refuse to run, with the message it would print. */
  static final class NotLaunchableException extends ServerlessException {
    NotLaunchableException(String message) {
      super(message);
    }
  }
}
