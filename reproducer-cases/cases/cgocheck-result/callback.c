#include "_cgo_export.h"

int m1go_call_back(void) { return *goGivePointer(); }
