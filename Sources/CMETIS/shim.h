// Shim header for METIS 5 (Karypis & Kumar, https://github.com/KarypisLab/METIS), graph partitioning.
//
// Debian's libmetis-dev installs /usr/include/metis.h and libmetis.so on the default search paths and
// ships no pkg-config file, so the modulemap links "metis" directly. All logic lives in
// InterlinkPartition, which funnels every call through one status-checking helper.
#ifndef INTERLINK_CMETIS_SHIM_H
#define INTERLINK_CMETIS_SHIM_H

#include <metis.h>

#endif
