import static io.qserverless.runtime.Serverless.saveResult;
import static io.qserverless.runtime.Serverless.sendError;

import java.util.Map;

/** A Java program reporting an error through the runtime API and then finishing. */
public class SendErrorJob {
  public static void main(String[] args) {
    sendError("theta is out of range", new IllegalArgumentException("theta = 7"));
    saveResult(Map.of("done", true));
  }
}
