package io.qserverless.runtime.cluster;

import com.hazelcast.cluster.InitialMembershipEvent;
import com.hazelcast.cluster.InitialMembershipListener;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import io.qserverless.runtime.Resources;
import io.qserverless.runtime.ResourcesExceededException;
import io.qserverless.runtime.ServerlessException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * This JVM's membership of its job's Hazelcast cluster: the driver (the job's own JVM, which places
 * every task) or a worker. Every member runs the tasks placed on it and may distribute tasks itself
 * (a task distributing tasks): a worker sends those to the driver to be placed.
 *
 * <p>Messages between members travel batched in {@link Envelope}s through one {@link Outbox} per
 * member; the driver's own tasks and decisions take no message.
 *
 * <p>Thread-safe.
 */
public final class ClusterMember implements AutoCloseable {
  /**
   * What a member reports about the cluster: joins and departures, for the job's log and events.
   */
  public interface Listener {
    /** {@code reason}: why the worker is there (it came with the job, or why it was added). */
    void joined(String name, String address, Resources allotment, String reason);

    /** {@code reason}: why it left (removed as idle, or lost). */
    void left(String name, String address, String reason);

    /** A worker's driver is gone: the job ended, so the worker must end too. */
    default void driverLeft() {}
  }

  /** How long closing waits for joins and departures still being reported. */
  private static final Duration REPORTS_AT_CLOSE = Duration.ofSeconds(10);

  private final ClusterSettings settings;
  private final Listener listener;
  private final Submissions submissions = new Submissions();
  private final Map<UUID, Member> members = new ConcurrentHashMap<>();
  private final Map<UUID, Outbox> outboxes = new ConcurrentHashMap<>();
  private final ExecutorService sender;

  /**
   * Tells the listener, in order, on a thread of its own: reporting a join (a line, and an event
   * sent to the gateway) must not hold up Hazelcast's event thread, which delivers the next join.
   */
  private final ExecutorService reports;

  private final TaskRunner runner;
  private final Scheduler scheduler;
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile Autoscaler autoscaler;
  private volatile HazelcastInstance hazelcast;
  private volatile IExecutorService envelopes;
  private volatile UUID self;
  private volatile UUID driver;
  private int workersPresent;

  private ClusterMember(ClusterSettings settings, Listener listener) {
    this.settings = settings;
    this.listener = listener;
    this.sender =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name(settings.memberName() + "-sender").factory());
    this.reports =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name(settings.memberName() + "-reports").factory());
    this.scheduler = settings.isDriver() ? new Scheduler(new Dispatch(), growth(settings)) : null;
    this.runner =
        new TaskRunner(
            settings.memberName(),
            settings.isDriver()
                ? scheduler::done
                : (id, outcome) ->
                    toDriver(
                        new Item(
                            outcome.failed() ? Item.Kind.FAILED : Item.Kind.DONE,
                            id,
                            null,
                            outcome.bytes())));
  }

  /**
   * Starts this JVM's member with {@code allotment} for the tasks placed on it, and joins the
   * cluster: the driver as its master, on the first free port of the range; a worker through the
   * member that listens first, the driver.
   */
  public static ClusterMember start(
      ClusterSettings settings, Resources allotment, Listener listener) {
    ClusterMember m = new ClusterMember(settings, listener);
    String through = settings.isDriver() ? settings.freeDriverAddress() : driverAddress(settings);
    // The membership listener is in the configuration so that it sees the members from the start:
    // the driver may place a task here before newHazelcastInstance returns.
    HazelcastInstance hazelcast =
        daemonStart(HazelcastConfig.of(settings, through, allotment, m, m.new Membership()));
    m.hazelcast = hazelcast;
    m.envelopes = hazelcast.getExecutorService(HazelcastConfig.EXECUTOR);
    m.started.countDown();
    return m;
  }

  /** Worker: the driver's address, once it listens. */
  private static String driverAddress(ClusterSettings settings) {
    try {
      return settings
          .awaitFirstListener()
          .orElseThrow(
              () ->
                  new ServerlessException(
                      "no member of the job's cluster listened within "
                          + settings.joinTimeout().toSeconds()
                          + " s"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerlessException("interrupted while waiting for the job's driver to listen", e);
    }
  }

  /**
   * Starts Hazelcast from a daemon thread: its threads inherit that, so the job's JVM still ends
   * when the program's main method returns, as it does without workers.
   */
  private static HazelcastInstance daemonStart(Config config) {
    CompletableFuture<HazelcastInstance> started = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name("cluster-start")
        .start(
            () -> {
              try {
                started.complete(Hazelcast.newHazelcastInstance(config));
              } catch (Throwable t) {
                started.completeExceptionally(t);
              }
            });
    try {
      return started.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /**
   * {@link #start}s the driver of a program's job, which ends the member when the program is done;
   * an auto-scaling cluster ({@link ClusterSettings#scaling()}) grows and shrinks through {@code
   * scaler}.
   */
  public static ClusterMember startDriver(
      ClusterSettings settings, Resources allotment, Listener listener, Scaler scaler) {
    ClusterMember m = start(settings, allotment, listener);
    if (settings.scaling() != null) {
      m.autoscaler =
          new Autoscaler(
              m.scheduler, settings.scaling(), scaler, settings.workers(), settings.joinTimeout());
    }
    ProgramEnd.closeWhenDone(m);
    return m;
  }

  /** The allotment of a worker auto-scaling may add, or null for a fixed cluster. */
  private static Resources growth(ClusterSettings settings) {
    return settings.scaling() == null ? null : settings.scaling().worker();
  }

  static ClusterMember of(HazelcastInstance hazelcast) {
    return (ClusterMember) hazelcast.getUserContext().get(ClusterMember.class.getName());
  }

  /**
   * Driver: waits until every worker has joined; after the join timeout, goes on if at least the
   * minimum have, else throws saying how many joined.
   */
  public void awaitWorkers() throws InterruptedException {
    long deadline = System.nanoTime() + settings.joinTimeout().toNanos();
    synchronized (this) {
      while (workersPresent < settings.workers()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        wait(Math.max(1, left / 1_000_000));
      }
      if (workersPresent < settings.minWorkers()) {
        throw new ServerlessException(
            "only "
                + workersPresent
                + " of the job's "
                + settings.workers()
                + " workers joined its cluster within "
                + settings.joinTimeout().toSeconds()
                + " s: see their lines ([worker-N]) in the job's log for why they did not start");
      }
    }
  }

  /**
   * Queues {@code task} for placement; refuses it at once when it cannot travel (naming the
   * captured type) or when no member of the cluster could ever hold it.
   */
  public Submission submit(Resources asked, Object task, boolean retryable) {
    byte[] bytes = TaskCodec.encodeTask(task);
    String refusal = Scheduler.refusal(asked, allotments(), growth(settings));
    if (refusal != null) {
      throw new ResourcesExceededException(refusal);
    }
    CompletableFuture<Object> outcome = new CompletableFuture<>();
    long id = submissions.add(outcome);
    if (scheduler != null) {
      scheduler.submit(self, id, asked, bytes, retryable);
    } else {
      toDriver(
          new Item(retryable ? Item.Kind.SUBMIT_RETRYABLE : Item.Kind.SUBMIT, id, asked, bytes));
    }
    return new Submission(id, outcome);
  }

  /**
   * Runs {@code wait}, which blocks for other tasks; if this thread runs a task, that task's share
   * is free meanwhile, so tasks waiting for their children cannot deadlock the cluster.
   */
  public void whileWaiting(Runnable wait) {
    Long task = TaskRunner.CURRENT.get();
    if (task == null) {
      wait.run();
      return;
    }
    ledgerOf(task, Item.Kind.HOLD);
    try {
      wait.run();
    } finally {
      ledgerOf(task, Item.Kind.RETAKE);
    }
  }

  /**
   * Worker: waits for the driver to be in the cluster; false if it has not joined within the join
   * timeout.
   */
  public boolean awaitDriver() throws InterruptedException {
    long deadline = System.nanoTime() + settings.joinTimeout().toNanos();
    synchronized (this) {
      while (driver == null) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  /** What the cluster's members have in all. */
  public Resources total() {
    double cpu = 0;
    long mem = 0;
    int gpu = 0;
    for (Resources r : allotments().values()) {
      cpu += r.cpu();
      mem += r.mem();
      gpu += r.gpu();
    }
    return new Resources(cpu, mem, gpu);
  }

  public String name() {
    return settings.memberName();
  }

  @Override
  public void close() {
    if (autoscaler != null) {
      autoscaler.close();
    }
    hazelcast.getLifecycleService().terminate();
    sender.shutdownNow();
    reports.shutdown(); // what was reported before the end still reaches the listener
    try {
      if (!reports.awaitTermination(REPORTS_AT_CLOSE.toMillis(), TimeUnit.MILLISECONDS)) {
        reports.shutdownNow();
      }
    } catch (InterruptedException e) {
      reports.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void report(Runnable toListener) {
    try {
      reports.execute(toListener);
    } catch (RejectedExecutionException closed) {
      // this member is closing: nothing more to report
    }
  }

  void receive(UUID from, List<Item> items) {
    for (Item item : items) {
      switch (item.kind()) {
        case RUN -> runner.run(item.id(), item.bytes());
        case DONE, FAILED ->
            scheduler.done(
                item.id(), new TaskCodec.Outcome(item.kind() == Item.Kind.FAILED, item.bytes()));
        case SUBMIT, SUBMIT_RETRYABLE ->
            scheduler.submit(
                from,
                item.id(),
                item.resources(),
                item.bytes(),
                item.kind() == Item.Kind.SUBMIT_RETRYABLE);
        case RESULT, RESULT_FAILED ->
            submissions.complete(
                item.id(),
                new TaskCodec.Outcome(item.kind() == Item.Kind.RESULT_FAILED, item.bytes()));
        case HOLD -> scheduler.hold(item.id());
        case RETAKE -> scheduler.retake(item.id());
      }
    }
  }

  private void ledgerOf(long task, Item.Kind kind) {
    if (scheduler == null) {
      toDriver(new Item(kind, task, null, null));
    } else if (kind == Item.Kind.HOLD) {
      scheduler.hold(task);
    } else {
      scheduler.retake(task);
    }
  }

  /** Every member's allotment by name, as its attributes advertise it. */
  private Map<String, Resources> allotments() {
    Map<String, Resources> out = new LinkedHashMap<>();
    for (Member m : hazelcast.getCluster().getMembers()) {
      out.put(m.getAttribute(HazelcastConfig.NAME), HazelcastConfig.allotment(m));
    }
    return out;
  }

  private void toDriver(Item item) {
    UUID d = driver;
    if (d == null) {
      throw new ServerlessException(
          "the job's driver is not in the cluster (it has not joined yet, or it left)");
    }
    send(d, item);
  }

  private void send(UUID to, Item item) {
    Member member = members.get(to);
    if (member == null) {
      return; // it left: the scheduler fails or re-queues what it held
    }
    outboxes
        .computeIfAbsent(
            to,
            uuid ->
                new Outbox(
                    sender,
                    batch -> {
                      try {
                        started.await();
                        envelopes.executeOnMember(new Envelope(self, List.copyOf(batch)), member);
                      } catch (InterruptedException closing) {
                        Thread.currentThread().interrupt();
                      } catch (RuntimeException gone) {
                        // The member left or this one is shutting down: membership events settle
                        // its tasks.
                      }
                    }))
        .add(item);
  }

  private final class Dispatch implements Scheduler.Dispatch {
    @Override
    public void run(UUID member, long id, byte[] task) {
      if (member.equals(self)) {
        runner.run(id, task);
      } else {
        send(member, new Item(Item.Kind.RUN, id, null, task));
      }
    }

    @Override
    public void deliver(UUID origin, long originId, TaskCodec.Outcome outcome) {
      if (origin.equals(self)) {
        submissions.complete(originId, outcome);
      } else {
        send(
            origin,
            new Item(
                outcome.failed() ? Item.Kind.RESULT_FAILED : Item.Kind.RESULT,
                originId,
                null,
                outcome.bytes()));
      }
    }
  }

  private final class Membership implements InitialMembershipListener {
    @Override
    public void init(InitialMembershipEvent event) {
      self = event.getCluster().getLocalMember().getUuid();
      event.getMembers().forEach(ClusterMember.this::added);
    }

    @Override
    public void memberAdded(MembershipEvent event) {
      added(event.getMember());
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
      Member m = event.getMember();
      members.remove(m.getUuid());
      outboxes.remove(m.getUuid());
      String name = m.getAttribute(HazelcastConfig.NAME);
      if (scheduler != null) {
        scheduler.memberLeft(m.getUuid(), m.getAddress().toString());
      }
      if (!m.localMember()) {
        if (isWorker(m)) {
          synchronized (ClusterMember.this) {
            workersPresent--;
          }
        }
        String address = m.getAddress().toString();
        String reason = autoscaler == null ? Autoscaler.LOST : autoscaler.leaveReason(name);
        boolean wasDriver = m.getUuid().equals(driver);
        report(
            () -> {
              listener.left(name, address, reason);
              if (wasDriver) {
                listener.driverLeft();
              }
            });
      }
    }
  }

  private void added(Member m) {
    if (members.putIfAbsent(m.getUuid(), m) != null) {
      return;
    }
    if ("driver".equals(m.getAttribute(HazelcastConfig.ROLE))) {
      synchronized (this) {
        driver = m.getUuid();
        notifyAll();
      }
    }
    if (scheduler != null) {
      scheduler.memberJoined(
          m.getUuid(),
          m.getAttribute(HazelcastConfig.NAME),
          HazelcastConfig.allotment(m),
          isWorker(m));
    }
    if (!m.localMember()) {
      if (isWorker(m)) {
        synchronized (this) {
          workersPresent++;
          notifyAll();
        }
      }
      String name = m.getAttribute(HazelcastConfig.NAME);
      String address = m.getAddress().toString();
      Resources allotment = HazelcastConfig.allotment(m);
      String reason = autoscaler == null ? Autoscaler.WITH_JOB : autoscaler.joinReason(name);
      report(() -> listener.joined(name, address, allotment, reason));
    }
  }

  private static boolean isWorker(Member m) {
    return "worker".equals(m.getAttribute(HazelcastConfig.ROLE));
  }

  /** A task distributed from this member: its id here and its outcome. */
  public record Submission(long id, CompletableFuture<Object> outcome) {}
}
