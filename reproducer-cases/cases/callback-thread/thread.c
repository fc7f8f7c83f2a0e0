#include <pthread.h>
#include <stdio.h>
#include "_cgo_export.h"

struct job { int calls; long sum; };

static void *worker(void *arg) {
    struct job *j = arg;
    for (int i = 0; i < j->calls; i++) {
        j->sum += goCount(i);
    }
    return NULL;
}

long m1go_run_thread(int calls) {
    struct job j = { calls, 0 };
    pthread_t t;
    if (pthread_create(&t, NULL, worker, &j) != 0) {
        fprintf(stderr, "pthread_create failed\n");
        return -1;
    }
    pthread_join(t, NULL);
    return j.sum;
}
