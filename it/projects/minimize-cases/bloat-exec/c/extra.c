int extra_one(void) { return 1; }
int extra_two(void) { return 2; }
