package dev.m1go.exec;

/**
 * The memory limit of one process ({@code m1go.memoryLimitMb}) and how much address space it gets where only an
 * address-space limit ({@code RLIMIT_AS}) can enforce it.
 *
 * <p>{@code RLIMIT_AS} bounds virtual address space, not memory: a Go program reserves far more than it uses (a
 * trivial one needed 688 to 736 MiB to start on linux/amd64 with Go 1.19 to 1.26, and qemu-user adds its own
 * mappings: 896 to 1,872 MiB for the same programs built for arm64). So the address space allowed is the limit plus a
 * headroom that lets every such program start: {@value #NATIVE_HEADROOM_MB} MiB for a native process,
 * {@value #TRANSLATED_HEADROOM_MB} MiB for one under a translator. Where a cgroup or a container engine enforces the
 * limit, the headroom plays no part.
 *
 * @param mebibytes  the limit in MiB; 0 for none
 * @param translated the process runs under a translator (qemu-user, binfmt_misc), whose own mappings count too
 */
public record MemoryLimit(int mebibytes, boolean translated) {

    /** No limit. */
    public static final MemoryLimit NONE = new MemoryLimit(0, false);
    /** Address space granted beyond the limit to a native process. */
    public static final int NATIVE_HEADROOM_MB = 1024;
    /** Address space granted beyond the limit to a process under a translator. */
    public static final int TRANSLATED_HEADROOM_MB = 4096;

    public MemoryLimit {
        if (mebibytes < 0) {
            throw new IllegalArgumentException("a memory limit is not negative: " + mebibytes);
        }
    }

    /** {@code mebibytes} MiB, for a native process; 0 is no limit. */
    public static MemoryLimit of(int mebibytes) {
        return mebibytes == 0 ? NONE : new MemoryLimit(mebibytes, false);
    }

    public boolean limited() {
        return mebibytes > 0;
    }

    /** The same limit for a process under a translator. */
    public MemoryLimit underTranslation() {
        return limited() ? new MemoryLimit(mebibytes, true) : this;
    }

    /** The limit in bytes (a cgroup's {@code memory.max}, a container's memory). */
    public long bytes() {
        return (long) mebibytes << 20;
    }

    /** The headroom {@code RLIMIT_AS} adds, in MiB. */
    public int headroomMb() {
        return translated ? TRANSLATED_HEADROOM_MB : NATIVE_HEADROOM_MB;
    }

    /** The address space allowed where {@code RLIMIT_AS} enforces the limit, in bytes. */
    public long addressSpaceBytes() {
        return (long) (mebibytes + headroomMb()) << 20;
    }

    /** "memory limit of 64 MiB (m1go.memoryLimitMb)": how a reason names the limit. */
    public String describe() {
        return "memory limit of " + mebibytes + " MiB (m1go.memoryLimitMb)";
    }
}
