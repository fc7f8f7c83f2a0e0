#include "mylib.h"

int mylib_answer(void) { return 42; }
