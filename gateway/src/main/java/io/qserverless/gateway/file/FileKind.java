package io.qserverless.gateway.file;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The file types the Files API accepts, each recognised by its content, not only its name.
 *
 * <p>tar: the POSIX "ustar" magic at offset 257, or else a first header whose checksum is right (old
 * V7 tars have no magic). HDF5: the 8-byte signature at offset 0, 512, 1024 or 2048 (the places
 * the HDF5 spec allows for a file with a user block).
 */
enum FileKind {
  TAR(".tar") {
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
        stored = Long.parseLong(new String(head, 148, 8, StandardCharsets.US_ASCII).replace("\0", "").trim(), 8);
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
  HDF5(".h5") {
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
  };

  private final String extension;

  FileKind(String extension) {
    this.extension = extension;
  }

  abstract boolean matches(byte[] head);

  String extension() {
    return extension;
  }

  /** The kind a file name claims, or null when its extension is not accepted. */
  static FileKind ofName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (FileKind k : values()) {
      if (lower.endsWith(k.extension)) {
        return k;
      }
    }
    return null;
  }
}
