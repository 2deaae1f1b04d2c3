// The process that uses the store maps libsqlcipher and never plain libsqlite3 (whose symbols
// would clash and could silently give an unencrypted database).
#include "store/MetaStore.h"
#include "support/TestCache.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QSqlDatabase>

using namespace hearth;

TEST_CASE("after using a database only libsqlcipher is mapped, never libsqlite3", "[store][security]")
{
    {
        test::TempCache c;
        REQUIRE(c.db);
        MetaStore meta(c.db->database());
        REQUIRE(meta.put(QStringLiteral("k"), QByteArray("v")).ok());
        CHECK(meta.get(QStringLiteral("k")).value().has_value());
        // Asking Qt which drivers exist must not load the QSQLITE plugin either.
        CHECK(QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLCIPHER")));
    }
    QFile maps(QStringLiteral("/proc/self/maps"));
    REQUIRE(maps.open(QIODevice::ReadOnly));
    const QByteArray text = maps.readAll();
    CHECK(text.contains("libsqlcipher"));
    CHECK_FALSE(text.contains("libsqlite3"));
    CHECK_FALSE(text.contains("libqsqlite"));
}
