#ifndef MYLIB_H
#define MYLIB_H

int mylib_answer(void);

#endif
