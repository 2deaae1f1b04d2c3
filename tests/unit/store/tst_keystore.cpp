// KeyStore implementations and EncryptedDatabaseOpener (fail closed, key first, never recreate).
#include "store/EncryptedDatabaseOpener.h"
#include "store/MetaStore.h"
#include "store/QtKeychainKeyStore.h"
#include "support/MemoryKeyStore.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QUuid>

using namespace hearth;

namespace {
QString uniqueName()
{
    return QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}
} // namespace

TEST_CASE("QtKeychainKeyStore round trip against the real keyring", "[store][keystore]")
{
    QtKeychainKeyStore keys(QStringLiteral("uk.nhs.hearth.tests"));
    REQUIRE(keys.probe().ok());
    const QString name = uniqueName();
    const QByteArray secret("\x00\x01secret\xff", 9);

    auto missing = keys.read(name);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == Error::Kind::NotFound);

    REQUIRE(keys.write(name, secret).ok());
    auto back = keys.read(name);
    REQUIRE(back.ok());
    CHECK(back.value() == secret);

    REQUIRE(keys.write(name, QByteArray("replaced")).ok());
    CHECK(keys.read(name).value() == QByteArray("replaced"));

    REQUIRE(keys.remove(name).ok());
    CHECK(keys.read(name).error().kind == Error::Kind::NotFound);
    CHECK(keys.remove(name).ok()); // missing is not an error
}

TEST_CASE("opener creates a key first, then the file, and reopens with it", "[store][opener]")
{
    QTemporaryDir dir;
    MemoryKeyStore keys;
    EncryptedDatabaseOpener opener(keys);
    const QString path = dir.filePath(QStringLiteral("profiles/self.db"));

    auto notCreated = opener.open(path, QStringLiteral("self"), false);
    REQUIRE_FALSE(notCreated.ok());
    CHECK(notCreated.error().kind == Error::Kind::NotFound);
    CHECK_FALSE(QFile::exists(path));
    CHECK(keys.size() == 0);

    {
        auto db = opener.open(path, QStringLiteral("self"), true);
        REQUIRE(db.ok());
        CHECK(keys.contains(QStringLiteral("self")));
        CHECK(keys.read(QStringLiteral("self")).value().size() == 64); // hex of 32 bytes
        MetaStore meta(db.value()->database());
        REQUIRE(meta.put(QStringLiteral("k"), QByteArray("v")).ok());
    }
    CHECK(QFile::exists(path));
    CHECK((QFile::permissions(path) & (QFileDevice::ReadOther | QFileDevice::ReadGroup)) == 0);
    {
        auto again = opener.open(path, QStringLiteral("self"), false);
        REQUIRE(again.ok());
        MetaStore meta(again.value()->database());
        CHECK(meta.get(QStringLiteral("k")).value() == std::optional<QByteArray>(QByteArray("v")));
    }
    CHECK(keys.writes() == 1); // the existing key was reused, not regenerated

    // Two profiles get two different keys.
    {
        auto child = opener.open(dir.filePath(QStringLiteral("profiles/child.db")), QStringLiteral("child"), true);
        REQUIRE(child.ok());
    }
    CHECK(keys.read(QStringLiteral("child")).value() != keys.read(QStringLiteral("self")).value());

    REQUIRE(opener.destroy(path, QStringLiteral("self")).ok());
    CHECK_FALSE(QFile::exists(path));
    CHECK_FALSE(keys.contains(QStringLiteral("self")));
    CHECK(keys.contains(QStringLiteral("child")));
}

TEST_CASE("opener fails closed when the keystore is unreachable", "[store][opener][security]")
{
    QTemporaryDir dir;
    MemoryKeyStore keys;
    keys.setReachable(false);
    EncryptedDatabaseOpener opener(keys);
    const QString path = dir.filePath(QStringLiteral("sub/self.db"));
    auto r = opener.open(path, QStringLiteral("self"), true);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == Error::Kind::KeyStore);
    CHECK_FALSE(QFile::exists(path));
    CHECK_FALSE(QDir(dir.filePath(QStringLiteral("sub"))).exists());
    CHECK(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
}

TEST_CASE("opener never recreates a database whose key is missing", "[store][opener]")
{
    QTemporaryDir dir;
    MemoryKeyStore keys;
    EncryptedDatabaseOpener opener(keys);
    const QString path = dir.filePath(QStringLiteral("self.db"));
    REQUIRE(opener.open(path, QStringLiteral("self"), true).ok());
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();

    REQUIRE(keys.remove(QStringLiteral("self")).ok());
    auto r = opener.open(path, QStringLiteral("self"), true);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == Error::Kind::Storage);
    CHECK_FALSE(keys.contains(QStringLiteral("self"))); // no new key was made
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == before);
}

TEST_CASE("opener reports a wrong or malformed stored key as Storage", "[store][opener]")
{
    QTemporaryDir dir;
    MemoryKeyStore keys;
    EncryptedDatabaseOpener opener(keys);
    const QString path = dir.filePath(QStringLiteral("self.db"));
    REQUIRE(opener.open(path, QStringLiteral("self"), true).ok());

    REQUIRE(keys.write(QStringLiteral("self"), QByteArray("not hex")).ok());
    CHECK(opener.open(path, QStringLiteral("self"), false).error().kind == Error::Kind::Storage);

    REQUIRE(keys.write(QStringLiteral("self"), QByteArray(64, 'b')).ok());
    auto wrong = opener.open(path, QStringLiteral("self"), false);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().kind == Error::Kind::Storage);
    CHECK(QFile::exists(path)); // a wrong key never deletes data
}

TEST_CASE("opener with the real keyring", "[store][opener][keystore]")
{
    QTemporaryDir dir;
    QtKeychainKeyStore keys(QStringLiteral("uk.nhs.hearth.tests"));
    EncryptedDatabaseOpener opener(keys);
    const QString path = dir.filePath(QStringLiteral("self.db"));
    const QString keyName = uniqueName();
    {
        auto db = opener.open(path, keyName, true);
        REQUIRE(db.ok());
    }
    {
        auto db = opener.open(path, keyName, false);
        REQUIRE(db.ok());
    }
    REQUIRE(opener.destroy(path, keyName).ok());
    CHECK_FALSE(QFile::exists(path));
    CHECK(keys.read(keyName).error().kind == Error::Kind::NotFound);
}
