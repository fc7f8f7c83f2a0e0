#include "native.h"

int native_twice(int x) {
    return 2 * x;
}

int native_unused(int x) {
    int r = 0;
    for (int i = 0; i < x; i++) {
        r += i;
    }
    return r;
}
