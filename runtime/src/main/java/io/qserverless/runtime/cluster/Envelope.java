package io.qserverless.runtime.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import io.qserverless.runtime.Resources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A batch of {@link Item}s from one member to another, sent with Hazelcast's executor service and
 * handed, on arrival, to the receiving JVM's {@link ClusterMember}.
 *
 * <p>Batching is what makes small tasks cheap across JVMs: one executor call per task manages about
 * 5,000 tasks/s on a 2-core machine, one per batch carries hundreds of tasks. Encoded by hand
 * ({@link DataSerializable}) rather than with Java serialization, which would repeat class
 * descriptors for every item. Public with a no-argument constructor because Hazelcast creates it by
 * reflection on arrival; not an API.
 */
public final class Envelope implements Runnable, DataSerializable, HazelcastInstanceAware {
  private UUID from;
  private List<Item> items;
  private transient HazelcastInstance hazelcast;

  public Envelope() {}

  Envelope(UUID from, List<Item> items) {
    this.from = from;
    this.items = items;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcast) {
    this.hazelcast = hazelcast;
  }

  @Override
  public void run() {
    ClusterMember.of(hazelcast).receive(from, items);
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeLong(from.getMostSignificantBits());
    out.writeLong(from.getLeastSignificantBits());
    out.writeInt(items.size());
    for (Item item : items) {
      out.writeByte(item.kind().ordinal());
      out.writeLong(item.id());
      if (item.kind().isSubmit()) {
        Resources r = item.resources();
        out.writeDouble(r.cpu());
        out.writeLong(r.mem());
        out.writeInt(r.gpu());
      }
      if (item.kind().carriesBytes()) {
        out.writeByteArray(item.bytes());
      }
    }
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    from = new UUID(in.readLong(), in.readLong());
    int n = in.readInt();
    items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Item.Kind kind = Item.Kind.ALL[in.readByte()];
      long id = in.readLong();
      Resources resources =
          kind.isSubmit() ? new Resources(in.readDouble(), in.readLong(), in.readInt()) : null;
      byte[] bytes = kind.carriesBytes() ? in.readByteArray() : null;
      items.add(new Item(kind, id, resources, bytes));
    }
  }
}
