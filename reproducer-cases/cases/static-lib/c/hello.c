#include "hello.h"

int m1go_add(int a, int b) { return a + b; }

const char *m1go_lib_arch(void) {
#if defined(__aarch64__)
    return "arm64";
#elif defined(__x86_64__)
    return "amd64";
#else
    return "other";
#endif
}
