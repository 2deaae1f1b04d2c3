#pragma once

#include "common/Error.h"

#include <QNetworkReply>

namespace hearth {

// A reply that ended without an HTTP status, as an Error value (the one mapping for all of core).
Error errorFromNetworkFailure(QNetworkReply::NetworkError code);

} // namespace hearth
