#include "lib.h"
#include <string.h>

static int counter;

int lib_add(int a, int b) {
    counter++;
    return a + b;
}

int lib_mul(int a, int b) {
    int r = 0;
    for (int i = 0; i < b; i++) {
        r += a;
    }
    counter++;
    return r;
}

int lib_unused(int a) {
    char buf[16];
    memset(buf, 0, sizeof buf);
    if (a > 3) {
        return a - 3;
    } else {
        return a + 3;
    }
}
