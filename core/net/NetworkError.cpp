#include "NetworkError.h"

namespace hearth {

Error errorFromNetworkFailure(QNetworkReply::NetworkError code)
{
    switch (code) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:   // what a transfer timeout reports in Qt 6
        return Error::make(Error::Kind::Timeout, QStringLiteral("the server took too long to answer"));
    case QNetworkReply::SslHandshakeFailedError:
        return Error::make(Error::Kind::Network, QStringLiteral("TLS handshake failed"));
    default:
        return Error::make(Error::Kind::Network, QStringLiteral("could not reach the server (network error %1)").arg(int(code)));
    }
}

} // namespace hearth
