#include "Error.h"

namespace hearth {

QString Error::kindName() const
{
    switch (kind) {
    case Kind::None: return QStringLiteral("none");
    case Kind::Network: return QStringLiteral("network");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Http: return QStringLiteral("http");
    case Kind::Auth: return QStringLiteral("auth");
    case Kind::Parse: return QStringLiteral("parse");
    case Kind::Storage: return QStringLiteral("storage");
    case Kind::KeyStore: return QStringLiteral("keystore");
    case Kind::NotFound: return QStringLiteral("not-found");
    case Kind::Security: return QStringLiteral("security");
    case Kind::Config: return QStringLiteral("config");
    case Kind::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

QString Error::describe() const
{
    QString text = kindName() + QStringLiteral(": ") + message;
    if (httpStatus > 0)
        text += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    return text;
}

} // namespace hearth
