#ifndef M1GO_HELLO_H
#define M1GO_HELLO_H

/* Adds two numbers in C; the Go side checks the answer. */
int m1go_add(int a, int b);

/* The architecture the library was compiled for, as the C compiler saw it. */
const char *m1go_lib_arch(void);

#endif
