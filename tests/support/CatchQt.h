#pragma once

#include <catch2/catch.hpp>

#include <QString>
#include <QStringList>

// Readable failures: print QStrings as UTF-8.
namespace Catch {
template <>
struct StringMaker<QString> {
    static std::string convert(const QString &s) { return '"' + s.toStdString() + '"'; }
};
template <>
struct StringMaker<QStringList> {
    static std::string convert(const QStringList &l) { return "[" + l.join(u'|').toStdString() + "]"; }
};
} // namespace Catch
