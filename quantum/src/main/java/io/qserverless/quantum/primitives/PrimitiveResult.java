package io.qserverless.quantum.primitives;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;

/** The result of a V2 primitive: one entry per pub, in order, plus run metadata. */
public final class PrimitiveResult<T> extends AbstractList<T> {
  private final List<T> pubResults;
  private final Map<String, Object> metadata;

  PrimitiveResult(List<T> pubResults, Map<String, Object> metadata) {
    this.pubResults = List.copyOf(pubResults);
    this.metadata = Map.copyOf(metadata);
  }

  @Override
  public T get(int index) {
    return pubResults.get(index);
  }

  @Override
  public int size() {
    return pubResults.size();
  }

  public Map<String, Object> metadata() {
    return metadata;
  }
}
