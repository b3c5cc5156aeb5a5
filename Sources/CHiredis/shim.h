// hiredis's RESP reader and command formatter, for MarqueePubSub's Redis broker.
// Debian's libhiredis-dev (0.14) and hiredis 1.x both install this header.
#include <hiredis/hiredis.h>
