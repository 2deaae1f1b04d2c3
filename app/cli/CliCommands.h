#pragma once

#include <QStringList>

namespace hearth::cli {

// Parses the arguments (program name first) and runs one command; returns the exit code.
int run(const QStringList &arguments);

} // namespace hearth::cli
