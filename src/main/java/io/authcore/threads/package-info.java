/** Threads the server starts for its own background work. */
package io.authcore.threads;
