package io.qserverless.gateway.file;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The file types the Files API accepts: those the original 0.35 accepts by MIME type (tar, gzip,
 * HDF5, JSON, zip, plain text, CSV, octet-stream), each known by its extension and, where the type
 * has one, checked by its content.
 *
 * <p>tar: the POSIX "ustar" magic at offset 257, or else a first header whose checksum is right
 * (old V7 tars have no magic). HDF5: the 8-byte signature at offset 0, 512, 1024 or 2048 (the
 * places the HDF5 spec allows for a file with a user block). gzip: 1f 8b. zip: a local file header
 * or the end record of an empty archive. JSON, text and CSV: UTF-8 text without NUL bytes (JSON
 * starting with a JSON value). Octet-stream ({@code .bin}): any bytes.
 */
enum FileKind {
  TAR("application/x-tar", ".tar") {
    @Override
    boolean matches(byte[] head) {
      if (head.length < 512) {
        return false;
      }
      if (new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
        return true;
      }
      long stored;
      try {
        stored =
            Long.parseLong(
                new String(head, 148, 8, StandardCharsets.US_ASCII).replace("\0", "").trim(), 8);
      } catch (NumberFormatException e) {
        return false;
      }
      long sum = 0;
      for (int i = 0; i < 512; i++) {
        sum += (i >= 148 && i < 156) ? ' ' : (head[i] & 0xff);
      }
      return sum == stored;
    }
  },
  HDF5("application/x-hdf5", ".h5", ".hdf5") {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    @Override
    boolean matches(byte[] head) {
      for (int at : new int[] {0, 512, 1024, 2048}) {
        if (head.length >= at + 8 && Arrays.equals(head, at, at + 8, SIGNATURE, 0, 8)) {
          return true;
        }
      }
      return false;
    }
  },
  GZIP("application/gzip", ".gz", ".tgz") {
    @Override
    boolean matches(byte[] head) {
      return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }
  },
  ZIP("application/zip", ".zip") {
    @Override
    boolean matches(byte[] head) {
      return head.length >= 4
          && head[0] == 'P'
          && head[1] == 'K'
          && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6);
    }
  },
  JSON("application/json", ".json") {
    @Override
    boolean matches(byte[] head) {
      String text = utf8(head);
      String start = text == null ? "" : text.stripLeading();
      return !start.isEmpty() && "{[\"-0123456789tfn".indexOf(start.charAt(0)) >= 0;
    }
  },
  TEXT("text/plain", ".txt") {
    @Override
    boolean matches(byte[] head) {
      return utf8(head) != null;
    }
  },
  CSV("text/csv", ".csv") {
    @Override
    boolean matches(byte[] head) {
      return utf8(head) != null;
    }
  },
  OCTET_STREAM("application/octet-stream", ".bin") {
    @Override
    boolean matches(byte[] head) {
      return true;
    }
  };

  private final String mimeType;
  private final List<String> extensions;

  FileKind(String mimeType, String... extensions) {
    this.mimeType = mimeType;
    this.extensions = List.of(extensions);
  }

  abstract boolean matches(byte[] head);

  String mimeType() {
    return mimeType;
  }

  /** The kind a file name claims, or null when its extension is not accepted. */
  static FileKind ofName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (FileKind k : values()) {
      for (String e : k.extensions) {
        if (lower.endsWith(e)) {
          return k;
        }
      }
    }
    return null;
  }

  /** The accepted extensions, for messages. */
  static String accepted() {
    return Arrays.stream(values()).flatMap(k -> k.extensions.stream()).toList().toString();
  }

  /**
   * The head as text when it is UTF-8 without NUL bytes, else null; a character cut at the end of
   * the head (the head is a fixed number of bytes) is allowed.
   */
  private static String utf8(byte[] head) {
    for (byte b : head) {
      if (b == 0) {
        return null;
      }
    }
    for (int cut = 0; cut < 4 && cut <= head.length; cut++) {
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(head, 0, head.length - cut))
            .toString();
      } catch (CharacterCodingException e) {
        // try again without a possibly cut last character
      }
    }
    return null;
  }
}
