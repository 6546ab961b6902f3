package io.qserverless.quantum.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.quantum.transpiler.CouplingMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped devices match their published shapes; user files load or fail clearly. */
class BackendsTest {
  @TempDir Path dir;

  private static Set<String> undirected(Backend b) {
    Set<String> s = new HashSet<>();
    for (int[] e : b.couplingMap().edges()) {
      s.add(Math.min(e[0], e[1]) + "-" + Math.max(e[0], e[1]));
    }
    return s;
  }

  @Test
  void the_five_qubit_and_seven_qubit_devices_have_their_published_shapes() {
    assertThat(undirected(Backends.get("fake_manila")))
        .containsExactlyInAnyOrder("0-1", "1-2", "2-3", "3-4");
    assertThat(undirected(Backends.get("fake_lima")))
        .containsExactlyInAnyOrder("0-1", "1-2", "1-3", "3-4");
    assertThat(undirected(Backends.get("fake_nairobi")))
        .containsExactlyInAnyOrder("0-1", "1-2", "1-3", "3-5", "4-5", "5-6");
    for (String name : List.of("fake_manila", "fake_lima", "fake_nairobi")) {
      Backend b = Backends.get(name);
      assertThat(b.basisGates()).containsExactly("cx", "id", "rz", "sx", "x");
      assertThat(b.couplingMap().isSymmetric()).isTrue();
    }
  }

  @Test
  void the_heavy_hex_devices_have_one_way_ecr_and_degree_at_most_three() {
    Backend falcon = Backends.get("fake_kolkata");
    Backend eagle = Backends.get("fake_sherbrooke");
    assertThat(falcon.numQubits()).isEqualTo(27);
    assertThat(undirected(falcon)).hasSize(28).contains("0-1", "1-4", "12-15", "25-26");
    assertThat(eagle.numQubits()).isEqualTo(127);
    // Eagle r3: 144 couplers; rows of 14/15 qubits joined by bridge qubits 14-17, 33-36, ...
    assertThat(undirected(eagle))
        .hasSize(144)
        .contains(
            "0-14", "14-18", "4-15", "15-22", "20-33", "33-39", "96-109", "109-114", "112-126");
    for (Backend b : List.of(falcon, eagle)) {
      CouplingMap cm = b.couplingMap();
      assertThat(b.basisGates()).containsExactly("ecr", "id", "rz", "sx", "x");
      assertThat(cm.isConnected()).isTrue();
      assertThat(cm.edges()).allSatisfy(e -> assertThat(cm.hasEdge(e[1], e[0])).isFalse());
      for (int q = 0; q < b.numQubits(); q++) {
        assertThat(cm.neighbors(q).length).isBetween(1, 3);
      }
    }
    // Heavy hex: distance across one hexagon's far corners on the Falcon map.
    assertThat(falcon.couplingMap().distance(1, 12)).isEqualTo(4);
  }

  @Test
  void a_backend_written_as_json_loads_back_equal() throws Exception {
    Backend manila = Backends.get("fake_manila");
    Path file = dir.resolve("mine.json");
    Files.writeString(file, manila.toJson());
    Backend back = Backends.load(file);
    assertThat(back.name()).isEqualTo("fake_manila");
    assertThat(back.basisGates()).isEqualTo(manila.basisGates());
    assertThat(undirected(back)).isEqualTo(undirected(manila));
    assertThat(Backends.resolve(file.toString()).numQubits()).isEqualTo(5);
  }

  @Test
  void an_unknown_name_lists_the_shipped_backends() {
    assertThatThrownBy(() -> Backends.get("fake_paris"))
        .isInstanceOf(BackendException.class)
        .hasMessage(
            "unknown backend 'fake_paris'; shipped backends are [fake_manila, fake_lima,"
                + " fake_nairobi, fake_kolkata, fake_sherbrooke], or pass a path to a backend JSON file");
  }

  @Test
  void malformed_backend_files_name_the_field_and_the_expected_form() throws Exception {
    String[][] cases = {
      {
        "{\"name\": \"x\", \"num_qubits\": 2, \"basis_gates\": [\"cx\",\"rz\",\"sx\"], \"coupling_map\": [[0, 2]]}",
        "\"coupling_map\" entry [0, 2] = 2 is invalid; expected an integer from 0 to 1"
      },
      {
        "{\"name\": \"x\", \"num_qubits\": -1, \"basis_gates\": [\"cx\"], \"coupling_map\": []}",
        "\"num_qubits\" = -1 is invalid; expected an integer from 1 to 2000"
      },
      {
        "{\"name\": \"x\", \"num_qubits\": 2, \"basis_gates\": [\"cx\",\"u3\"], \"coupling_map\": []}",
        "basis gate 'u3' is not supported"
      },
      {
        "{\"name\": \"x\", \"num_qubits\": 2, \"basis_gates\": [\"cx\",\"rz\",\"sx\"], \"coupling_map\": [[0, 1]",
        "is not valid JSON: line 1, column"
      },
      {"[1, 2]", "the top level is invalid; expected a JSON object"},
    };
    for (String[] c : cases) {
      Path file = dir.resolve("bad.json");
      Files.writeString(file, c[0]);
      assertThatThrownBy(() -> Backends.load(file))
          .isInstanceOf(BackendException.class)
          .hasMessageContaining("backend file " + file)
          .hasMessageContaining(c[1]);
    }
    assertThatThrownBy(() -> Backends.load(dir.resolve("missing.json")))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("does not exist");
  }
}
