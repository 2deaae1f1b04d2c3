#pragma once

namespace hearth {

// The one place where C++ types become visible to QML.
void registerQmlTypes();

} // namespace hearth
