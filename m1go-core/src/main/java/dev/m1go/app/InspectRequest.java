package dev.m1go.app;

import java.nio.file.Path;

/**
 * What {@code m1go:inspect} is asked to read.
 *
 * @param path   {@code m1go.path}: a file, or a directory whose regular files (and those of its subdirectories) are
 *               inspected in path order
 * @param target {@code m1go.target}: the architecture the files should be for ({@code arm64}, {@code x86_64},
 *               {@code linux/arm64}), or {@code null}
 */
public record InspectRequest(Path path, String target) {}
