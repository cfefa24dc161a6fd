package dev.tayori.campaign;

import java.nio.file.Path;

/** A campaign file the operator edits: its id is the file name without .yaml. */
public interface Campaign {
    String id();

    String name();

    Path file();

    String kind();
}
