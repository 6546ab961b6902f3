import static io.qserverless.runtime.Serverless.arguments;
import static io.qserverless.runtime.Serverless.distribute;
import static io.qserverless.runtime.Serverless.get;
import static io.qserverless.runtime.Serverless.saveResult;

import io.qserverless.runtime.Resources;
import io.qserverless.runtime.TaskRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Six 1-cpu tasks that report the JVM they ran in (an id unique to each JVM); "block_seconds" makes them sleep first,
 * "pause_ms" makes the program wait that long after them.
 */
public class JvmIds {
  static final String JVM = UUID.randomUUID().toString();

  public static void main(String[] args) throws InterruptedException {
    long block = arguments().get("block_seconds", Long.class, 0L);
    List<TaskRef<String>> refs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      refs.add(distribute(Resources.cpu(1), () -> {
        System.out.println("task running");
        Thread.sleep(block > 0 ? block * 1000 : 100);
        return JVM;
      }));
    }
    List<String> tasks = get(refs);
    Thread.sleep(arguments().get("pause_ms", Long.class, 0L));
    saveResult(Map.of("driver", JVM, "tasks", tasks));
  }
}
