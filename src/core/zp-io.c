/* zp-io.c — placeholder, replaced by its implementation. */
#include "config.h"

#include "ziping-core.h"
