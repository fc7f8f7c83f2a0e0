/**
 * The use cases, one per goal: a typed request in, a typed result out. Every front end (the Maven plugin, the
 * {@code m1go} command) maps its inputs to a request, calls {@link dev.m1go.app.ReproduceUseCase#run} (or the merge,
 * classify, inspect or doctor use case) and renders the result; none of them repeats a step of the use case.
 */
package dev.m1go.app;
