/* fuzz.h — what every fuzz target defines: libFuzzer's entry point.
 *
 * A target is one file, fuzz-NAME.c, defining LLVMFuzzerTestOneInput(); it is built twice
 * (tests/fuzz/meson.build): with replay-main.c into fuzz-NAME-replay, which runs the
 * files of a corpus once each (any compiler: the `fuzz` test suite), and with clang's
 * -fsanitize=fuzzer into fuzz-NAME, which looks for new inputs (.ci/run). A target aborts
 * on anything that must not happen; returning is success.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
