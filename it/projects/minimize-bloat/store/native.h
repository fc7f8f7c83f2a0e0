#ifndef NATIVE_H
#define NATIVE_H
int native_twice(int x);
int native_unused(int x);
#endif
