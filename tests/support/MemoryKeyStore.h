#pragma once

#include "store/KeyStore.h"

#include <QHash>

namespace hearth {

// Tests only: a KeyStore on a QHash. setReachable(false) makes every call fail with a KeyStore
// error, like a machine without a Secret Service, to test fail-closed behaviour.
class MemoryKeyStore : public KeyStore {
public:
    Result<QByteArray> read(const QString &name) override
    {
        if (!m_reachable)
            return unreachable();
        const auto it = m_secrets.constFind(name);
        if (it == m_secrets.constEnd())
            return Error::make(Error::Kind::NotFound, QStringLiteral("no secret under that name"));
        return *it;
    }
    Status write(const QString &name, const QByteArray &secret) override
    {
        if (!m_reachable)
            return unreachable();
        m_secrets.insert(name, secret);
        ++m_writes;
        return {};
    }
    Status remove(const QString &name) override
    {
        if (!m_reachable)
            return unreachable();
        m_secrets.remove(name);
        return {};
    }

    void setReachable(bool reachable) { m_reachable = reachable; }
    bool contains(const QString &name) const { return m_secrets.contains(name); }
    int size() const { return int(m_secrets.size()); }
    int writes() const { return m_writes; }

private:
    static Error unreachable()
    {
        return Error::make(Error::Kind::KeyStore, QStringLiteral("keystore unreachable (test)"));
    }
    QHash<QString, QByteArray> m_secrets;
    bool m_reachable = true;
    int m_writes = 0;
};

} // namespace hearth
