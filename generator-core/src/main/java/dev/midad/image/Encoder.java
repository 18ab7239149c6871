package dev.midad.image;

import java.awt.image.BufferedImage;
import java.io.IOException;

/** Writes a decoded image in one format. Implementations are thread-safe. */
public interface Encoder {
    ImageFormat format();

    byte[] encode(BufferedImage image) throws IOException;
}
