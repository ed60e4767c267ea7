#pragma once

#include "core/Result.h"
#include "services/ReviewSignals.h"

#include <QCoreApplication>
#include <QList>

class Session;

// The "same file elsewhere" question of a task's reviewer (ReviewSignals):
// who else holds the PDF of a certificate (the same SHA-256 as stored or as
// uploaded, rejected ones left out). Asked only of a certificate the actor
// may see or reviews, never by its owner; the names are only those of people
// in the actor's scope (R5), the others come back as one holder without a
// name. On a prepared server the server answers (cd_api.same_file_holders);
// else plain SQL, with the scope decided by the Policy.
class SameFile
{
    Q_DECLARE_TR_FUNCTIONS(SameFile)

public:
    static Result<QList<SameFileHolder>> holders(Session &session, Id certificateId);
};
