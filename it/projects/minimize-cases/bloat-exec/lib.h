#ifndef LIB_H
#define LIB_H
int lib_add(int a, int b);
int lib_mul(int a, int b);
int lib_unused(int a);
#endif
