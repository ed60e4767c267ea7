<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CertificateDetailsDialog</name>
    <message>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <source>Certificate details</source>
        <translation>Détails du certificat</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>History of the certificate</source>
        <translation>Historique du certificat</translation>
    </message>
    <message>
        <source>&amp;Correct and send again</source>
        <translation>&amp;Corriger et renvoyer</translation>
    </message>
    <message>
        <source>Correct and send again</source>
        <translation>Corriger et renvoyer</translation>
    </message>
    <message>
        <source>Correct the details or choose another PDF, and send the certificate again</source>
        <translation>Corriger les informations ou choisir un autre PDF, puis renvoyer le certificat</translation>
    </message>
    <message>
        <source>This certificate cannot be shown: %1</source>
        <translation>Impossible d&apos;afficher ce certificat : %1</translation>
    </message>
    <message>
        <source>Certificate — %1</source>
        <translation>Certificat — %1</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Titulaire</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Délivré le</translation>
    </message>
    <message>
        <source>Does not expire</source>
        <translation>N&apos;expire pas</translation>
    </message>
    <message>
        <source>%1 (today)</source>
        <translation>%1 (aujourd&apos;hui)</translation>
    </message>
    <message>
        <source>%1 (tomorrow)</source>
        <translation>%1 (demain)</translation>
    </message>
    <message>
        <source>%1 (in %2 days)</source>
        <translation>%1 (dans %2 jours)</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <source>Associated certificate</source>
        <translation>Certificat associé</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Crédits</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>The PDF of this certificate cannot be displayed.</source>
        <translation>Impossible d&apos;afficher le PDF de ce certificat.</translation>
    </message>
    <message>
        <source>Rejected by %1: “%2”</source>
        <translation>Refusé par %1 : « %2 »</translation>
    </message>
    <message>
        <source>Rejected: “%1”</source>
        <translation>Refusé : « %1 »</translation>
    </message>
    <message>
        <source>This certificate was rejected.</source>
        <translation>Ce certificat a été refusé.</translation>
    </message>
    <message>
        <source>Correct it or choose another PDF, then send it again.</source>
        <translation>Corrigez-le ou choisissez un autre PDF, puis renvoyez-le.</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>&amp;Renew…</source>
        <translation>&amp;Renouveler…</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>Renouveler</translation>
    </message>
    <message>
        <source>Import the new certificate that replaces this one</source>
        <translation>Importer le nouveau certificat qui remplace celui-ci</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>Ré&amp;voquer…</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <source>Withdraw this certificate, saying why; its owner is told</source>
        <translation>Retirer ce certificat en disant pourquoi ; son titulaire est prévenu</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Révoqué</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motif : %1</translation>
    </message>
    <message>
        <source>Certificate %1</source>
        <translation>Certificat %1</translation>
    </message>
    <message>
        <source>“%1”, delivered %2, expires %3</source>
        <translation>« %1 », délivré le %2, expire le %3</translation>
    </message>
    <message>
        <source>“%1”, delivered %2</source>
        <translation>« %1 », délivré le %2</translation>
    </message>
    <message>
        <source>Renews</source>
        <translation>Renouvelle</translation>
    </message>
    <message>
        <source>Renewed by</source>
        <translation>Renouvelé par</translation>
    </message>
    <message>
        <source>The renewal “%1” was imported and sent for validation; “%2” is replaced once it is validated.</source>
        <translation>Le renouvellement « %1 » a été importé et envoyé pour validation ; « %2 » sera remplacé dès sa validation.</translation>
    </message>
    <message>
        <source>The renewal “%1” was imported and replaces “%2”.</source>
        <translation>Le renouvellement « %1 » a été importé et remplace « %2 ».</translation>
    </message>
    <message>
        <source>“%1” was revoked; %2 is told why.</source>
        <translation>« %1 » a été révoqué ; %2 en est informé avec le motif.</translation>
    </message>
</context>
<context>
    <name>CertificateFilterBar</name>
    <message>
        <source>Show certificates</source>
        <translation>Afficher les certificats</translation>
    </message>
    <message>
        <source>&amp;Order</source>
        <translation>&amp;Ordre</translation>
    </message>
    <message>
        <source>Order of the certificates</source>
        <translation>Ordre des certificats</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Les plus récents d&apos;abord</translation>
    </message>
    <message>
        <source>Expiring first</source>
        <translation>Expiration la plus proche d&apos;abord</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: counting…</source>
        <translation>%1 : comptage…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln certificate(s)</source>
        <translation>
            <numerusform>%1 : %Ln certificat</numerusform>
            <numerusform>%1 : %Ln certificats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificateListModel</name>
    <message>
        <source>Imported from %1</source>
        <translation>Importé de %1</translation>
    </message>
    <message>
        <source>Does not expire</source>
        <translation>N&apos;expire pas</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Délivré le</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Crédits</translation>
    </message>
    <message>
        <source>Associated certificate</source>
        <translation>Certificat associé</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Expiry date: %1</source>
        <translation>Date d&apos;expiration : %1</translation>
    </message>
</context>
<context>
    <name>CertificatePdf</name>
    <message>
        <source>This certifies that</source>
        <translation>Nous certifions que</translation>
    </message>
    <message>
        <source>has successfully completed</source>
        <translation>a suivi avec succès</translation>
    </message>
    <message>
        <source>Delivered on %1</source>
        <translation>Délivré le %1</translation>
    </message>
    <message>
        <source>Valid until %1</source>
        <translation>Valable jusqu&apos;au %1</translation>
    </message>
    <message>
        <source>Authorised signature</source>
        <translation>Signature autorisée</translation>
    </message>
    <message>
        <source>Reference: %1</source>
        <translation>Référence : %1</translation>
    </message>
    <message>
        <source>Scan to verify this certificate</source>
        <translation>Scannez pour vérifier ce certificat</translation>
    </message>
</context>
<context>
    <name>CertificateService</name>
    <message>
        <source>Give the certificate a name.</source>
        <translation>Donnez un nom au certificat.</translation>
    </message>
    <message>
        <source>The certificate name is too long: %1 characters, at most %2.</source>
        <translation>Le nom du certificat est trop long : %1 caractères, %2 au maximum.</translation>
    </message>
    <message>
        <source>The certificate name contains control characters (such as line breaks): remove them.</source>
        <translation>Le nom du certificat contient des caractères de contrôle (comme des sauts de ligne) : supprimez-les.</translation>
    </message>
    <message>
        <source>Give the delivery date.</source>
        <translation>Indiquez la date de délivrance.</translation>
    </message>
    <message>
        <source>The delivery date %1 is in the future: a certificate is delivered on or before today.</source>
        <translation>La date de délivrance %1 est dans le futur : un certificat est délivré au plus tard aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>The delivery date %1 is too far in the past.</source>
        <translation>La date de délivrance %1 est trop ancienne.</translation>
    </message>
    <message>
        <source>The expiration date %1 is before the delivery date %2.</source>
        <translation>La date d&apos;expiration %1 est antérieure à la date de délivrance %2.</translation>
    </message>
    <message>
        <source>Credits must be a number from 0 to 10000.</source>
        <translation>Les crédits doivent être un nombre de 0 à 10000.</translation>
    </message>
    <message>
        <source>The credits feature is off on this platform: leave credits out.</source>
        <translation>La fonction crédits est désactivée sur cette plateforme : n&apos;indiquez pas de crédits.</translation>
    </message>
    <message>
        <source>This PDF was already imported as &quot;%1&quot; (delivered %2): nothing was imported twice.</source>
        <translation>Ce PDF a déjà été importé sous le nom « %1 » (délivré le %2) : rien n&apos;a été importé en double.</translation>
    </message>
    <message>
        <source>The certificate template %1 does not exist.</source>
        <translation>Le modèle de certificat %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Could not start writing: %1</source>
        <translation>Impossible de commencer l&apos;écriture : %1</translation>
    </message>
    <message>
        <source>The certificate could not be saved, nothing was written: %1</source>
        <translation>Le certificat n&apos;a pas pu être enregistré, rien n&apos;a été écrit : %1</translation>
    </message>
    <message>
        <source>There is no certificate %1.</source>
        <translation>Il n&apos;existe pas de certificat %1.</translation>
    </message>
    <message>
        <source>This certificate has no PDF.</source>
        <translation>Ce certificat n&apos;a pas de PDF.</translation>
    </message>
    <message>
        <source>The PDF of this certificate is missing.</source>
        <translation>Le PDF de ce certificat est introuvable.</translation>
    </message>
    <message>
        <source>Someone changed this certificate meanwhile; nothing was sent. Open it again to see its current state.</source>
        <translation>Quelqu&apos;un a modifié ce certificat entre-temps ; rien n&apos;a été envoyé. Ouvrez-le à nouveau pour voir son état actuel.</translation>
    </message>
    <message>
        <source>The certificate could not be sent again, nothing was written: %1</source>
        <translation>Le certificat n&apos;a pas pu être renvoyé, rien n&apos;a été écrit : %1</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importé</translation>
    </message>
    <message>
        <source>Validated</source>
        <translation>Validé</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Corrected and sent again</source>
        <translation>Corrigé et renvoyé</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Imported, PDF repaired on import (%1)</source>
        <translation>Importé, PDF réparé à l&apos;import (%1)</translation>
    </message>
    <message>
        <source>Corrected and sent again, PDF repaired on import (%1)</source>
        <translation>Corrigé et renvoyé, PDF réparé à l&apos;import (%1)</translation>
    </message>
    <message>
        <source>Say why the certificate is revoked: its owner reads the reason.</source>
        <translation>Indiquez pourquoi le certificat est révoqué : son titulaire lit le motif.</translation>
    </message>
    <message>
        <source>The reason is too long: %1 characters, at most %2.</source>
        <translation>Le motif est trop long : %1 caractères, %2 au maximum.</translation>
    </message>
    <message>
        <source>The reason contains control characters: remove them.</source>
        <translation>Le motif contient des caractères de contrôle : supprimez-les.</translation>
    </message>
    <message>
        <source>%1 revoked &quot;%2&quot; first, on %3; it stays revoked with their reason.</source>
        <translation>%1 a révoqué « %2 » en premier, le %3 ; il reste révoqué avec son motif.</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>Quelqu&apos;un d&apos;autre</translation>
    </message>
    <message>
        <source>Someone changed this certificate meanwhile; nothing was revoked. Open it again to see its current state.</source>
        <translation>Quelqu&apos;un a modifié ce certificat entre-temps ; rien n&apos;a été révoqué. Ouvrez-le à nouveau pour voir son état actuel.</translation>
    </message>
    <message>
        <source>The certificate could not be revoked, nothing was written: %1</source>
        <translation>Le certificat n&apos;a pas pu être révoqué, rien n&apos;a été écrit : %1</translation>
    </message>
    <message>
        <source>A renewal is for the owner of the certificate it renews, %1.</source>
        <translation>Un renouvellement est pour le titulaire du certificat qu&apos;il renouvelle, %1.</translation>
    </message>
    <message>
        <source>Imported (renewal of certificate %1)</source>
        <translation>Importé (renouvellement du certificat %1)</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Révoqué</translation>
    </message>
    <message>
        <source>Renewed (certificate %1)</source>
        <translation>Renouvelé (certificat %1)</translation>
    </message>
</context>
<context>
    <name>CertificateWriter</name>
    <message>
        <source>There is no certificate %1.</source>
        <translation>Il n&apos;existe pas de certificat %1.</translation>
    </message>
</context>
<context>
    <name>CertificatesSection</name>
    <message>
        <source>Certificates</source>
        <translation>Certificats</translation>
    </message>
    <message>
        <source>Loading error</source>
        <translation>Erreur de chargement</translation>
    </message>
    <message>
        <source>The certificates could not be loaded: %1</source>
        <translation>Les certificats n&apos;ont pas pu être chargés : %1</translation>
    </message>
    <message>
        <source>Import certificate</source>
        <translation>Importer un certificat</translation>
    </message>
    <message>
        <source>Import a PDF certificate (Ctrl+I)</source>
        <translation>Importer un certificat PDF (Ctrl+I)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Fermer le message</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>My certificates</source>
        <translation>Mes certificats</translation>
    </message>
    <message>
        <source>Certificates of %1</source>
        <translation>Certificats de %1</translation>
    </message>
    <message>
        <source>Drop to import</source>
        <translation>Déposez pour importer</translation>
    </message>
    <message>
        <source>Drop to import for %1</source>
        <translation>Déposez pour importer pour %1</translation>
    </message>
    <message>
        <source>No certificates yet — drop a PDF here or click Import certificate</source>
        <translation>Aucun certificat pour l&apos;instant — déposez un PDF ici ou cliquez sur Importer un certificat</translation>
    </message>
    <message>
        <source>Each PDF you import becomes one certificate in your results.</source>
        <translation>Chaque PDF que vous importez devient un certificat dans vos résultats.</translation>
    </message>
    <message>
        <source>Each PDF you import becomes one certificate in the results of %1.</source>
        <translation>Chaque PDF que vous importez devient un certificat dans les résultats de %1.</translation>
    </message>
    <message>
        <source>No certificates yet</source>
        <translation>Aucun certificat pour l&apos;instant</translation>
    </message>
    <message>
        <source>Certificates you earn appear here.</source>
        <translation>Les certificats que vous obtenez apparaissent ici.</translation>
    </message>
    <message>
        <source>Certificates %1 earns appear here.</source>
        <translation>Les certificats obtenus par %1 apparaissent ici.</translation>
    </message>
    <message>
        <source>One certificate</source>
        <translation>Un certificat</translation>
    </message>
    <message>
        <source>%1 certificates, newest first</source>
        <translation>%1 certificats, du plus récent au plus ancien</translation>
    </message>
    <message>
        <source>%1 — file %2 of %3</source>
        <translation>%1 — fichier %2 sur %3</translation>
    </message>
    <message>
        <source>“%1” was imported and sent for validation.</source>
        <translation>« %1 » a été importé et envoyé pour validation.</translation>
    </message>
    <message>
        <source>“%1” was imported.</source>
        <translation>« %1 » a été importé.</translation>
    </message>
    <message>
        <source>%1 certificates imported and sent for validation.</source>
        <translation>%1 certificats importés et envoyés pour validation.</translation>
    </message>
    <message>
        <source>%1 certificates imported.</source>
        <translation>%1 certificats importés.</translation>
    </message>
    <message>
        <source>“%1” was corrected and sent for validation again.</source>
        <translation>« %1 » a été corrigé et renvoyé pour validation.</translation>
    </message>
    <message>
        <source>“%1” was corrected and saved.</source>
        <translation>« %1 » a été corrigé et enregistré.</translation>
    </message>
    <message>
        <source>%1 certificates, soonest expiry first</source>
        <translation>%1 certificats, expiration la plus proche d&apos;abord</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>Write the certificates shown to a CSV file</source>
        <translation>Écrire les certificats affichés dans un fichier CSV</translation>
    </message>
    <message>
        <source>certificates</source>
        <translation>certificats</translation>
    </message>
    <message>
        <source>%1 %2.csv</source>
        <translation>%1 %2.csv</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>&apos;%1&apos; acts as a user: add --as EMAIL (the password comes from %2 or a prompt).</source>
        <translation>&apos;%1&apos; agit en tant qu&apos;utilisateur : ajoutez --as EMAIL (le mot de passe provient de %2 ou d&apos;une invite).</translation>
    </message>
    <message>
        <source>--db is empty: give a SQLite file path or a postgresql://user@host:port/dbname URL.</source>
        <translation>--db est vide : indiquez un chemin de fichier SQLite ou une URL postgresql://user@host:port/dbname.</translation>
    </message>
    <message>
        <source>There is no database at %1: create one with &apos;certdesk-cli --db %1 init&apos; (or &apos;demo&apos;).</source>
        <translation>Il n&apos;y a pas de base de données à l&apos;emplacement %1 : créez-en une avec &apos;certdesk-cli --db %1 init&apos; (ou &apos;demo&apos;).</translation>
    </message>
    <message>
        <source>%1 has no CertDesk data yet: run &apos;certdesk-cli --db %1 init&apos; (or &apos;demo&apos;) first.</source>
        <translation>%1 ne contient encore aucune donnée CertDesk : exécutez d&apos;abord &apos;certdesk-cli --db %1 init&apos; (ou &apos;demo&apos;).</translation>
    </message>
    <message>
        <source>%1 has schema version %2 and this certdesk-cli needs version %3: run &apos;certdesk-cli --db %1 init&apos; to upgrade it; nothing was changed.</source>
        <translation>%1 a la version de schéma %2 et ce certdesk-cli nécessite la version %3 : exécutez &apos;certdesk-cli --db %1 init&apos; pour la mettre à niveau ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Password for %1 on %2: </source>
        <translation>Mot de passe de %1 sur %2 : </translation>
    </message>
    <message>
        <source>Try &apos;%1 %2 --help&apos;.</source>
        <translation>Essayez &apos;%1 %2 --help&apos;.</translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos;.</source>
        <translation>Essayez &apos;%1 --help&apos;.</translation>
    </message>
    <message>
        <source>--%1 &quot;%2&quot; is not a date: write it as YYYY-MM-DD, for example %3.</source>
        <translation>--%1 « %2 » n&apos;est pas une date : écrivez-la sous la forme AAAA-MM-JJ, par exemple %3.</translation>
    </message>
    <message>
        <source>--%1 &quot;%2&quot; is not a number: write it like 2 or 1.5.</source>
        <translation>--%1 « %2 » n&apos;est pas un nombre : écrivez-le comme 2 ou 1.5.</translation>
    </message>
    <message>
        <source>SQLite file or postgresql://user@host:port/dbname (default: $%1, else %2)</source>
        <translation>Fichier SQLite ou postgresql://user@host:port/dbname (par défaut : $%1, sinon %2)</translation>
    </message>
    <message>
        <source>Act as this user; password from $%1, else asked</source>
        <translation>Agir en tant que cet utilisateur ; mot de passe depuis $%1, sinon demandé</translation>
    </message>
    <message>
        <source>Print JSON instead of text</source>
        <translation>Afficher du JSON au lieu du texte</translation>
    </message>
    <message>
        <source>Show this help (&apos;certdesk-cli help COMMAND&apos; for one command)</source>
        <translation>Afficher cette aide (&apos;certdesk-cli help COMMAND&apos; pour une seule commande)</translation>
    </message>
    <message>
        <source>Show the version</source>
        <translation>Afficher la version</translation>
    </message>
    <message>
        <source>Usage: %1 [--db LOCATION] [--as EMAIL] [--json] COMMAND [ARGS]</source>
        <translation>Utilisation : %1 [--db LOCATION] [--as EMAIL] [--json] COMMAND [ARGS]</translation>
    </message>
    <message>
        <source>CertDesk from the command line: the same rules and services as the desktop application, for scripts and administrators.</source>
        <translation>CertDesk en ligne de commande : les mêmes règles et services que l&apos;application de bureau, pour les scripts et les administrateurs.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Commandes :</translation>
    </message>
    <message>
        <source>Global options (before or after the command):</source>
        <translation>Options globales (avant ou après la commande) :</translation>
    </message>
    <message>
        <source>Exit status: 0 done; 1 refused (one line on stderr says why; nothing was written); 2 usage error.</source>
        <translation>Code de sortie : 0 terminé ; 1 refusé (une ligne sur stderr indique pourquoi ; rien n&apos;a été écrit) ; 2 erreur d&apos;utilisation.</translation>
    </message>
    <message>
        <source>Usage: %1 [GLOBAL OPTIONS] %2 %3</source>
        <translation>Utilisation : %1 [OPTIONS GLOBALES] %2 %3</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Options :</translation>
    </message>
    <message>
        <source>Needs --as EMAIL (the acting user).</source>
        <translation>Nécessite --as EMAIL (l&apos;utilisateur qui agit).</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>Exemple :</translation>
    </message>
    <message>
        <source>On this PostgreSQL server you act as the login of the connection (the user in the --db URL); --as is refused.</source>
        <translation>Sur ce serveur PostgreSQL, vous agissez sous l&apos;identifiant de connexion utilisé pour vous connecter (l&apos;utilisateur de l&apos;URL --db) ; --as est refusé.</translation>
    </message>
    <message>
        <source>The login %1 is not an active CertDesk user of %2.</source>
        <translation>L&apos;identifiant de connexion %1 n&apos;est pas un utilisateur CertDesk actif de %2.</translation>
    </message>
</context>
<context>
    <name>CliCertificateCommands</name>
    <message>
        <source>There is no file %1.</source>
        <translation>Le fichier %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>%1 is a folder: give a PDF file.</source>
        <translation>%1 est un dossier : indiquez un fichier PDF.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>Import an external certificate (a PDF) for yourself or someone in your scope</source>
        <translation>Importer un certificat externe (un PDF) pour vous-même ou pour une personne de votre périmètre</translation>
    </message>
    <message>
        <source>The file must be a PDF that opens without a password, with at least one page, within the size limit (setting pdf.max-size-mb). With validation off the certificate is accepted at once; with validation on it waits for the reviewers, who are listed. Nothing is written when the import is refused.</source>
        <translation>Le fichier doit être un PDF qui s&apos;ouvre sans mot de passe, avec au moins une page, dans la limite de taille (paramètre pdf.max-size-mb). Si la validation est désactivée, le certificat est accepté immédiatement ; si elle est activée, il attend les valideurs, qui sont listés. Rien n&apos;est écrit lorsque l&apos;import est refusé.</translation>
    </message>
    <message>
        <source>Certificate name</source>
        <translation>Nom du certificat</translation>
    </message>
    <message>
        <source>Delivery date (today or earlier)</source>
        <translation>Date de délivrance (aujourd&apos;hui ou antérieure)</translation>
    </message>
    <message>
        <source>Expiration date (default: does not expire)</source>
        <translation>Date d&apos;expiration (par défaut : n&apos;expire pas)</translation>
    </message>
    <message>
        <source>Import for this user (default: yourself)</source>
        <translation>Importer pour cet utilisateur (par défaut : vous-même)</translation>
    </message>
    <message>
        <source>Associate an internal certificate template</source>
        <translation>Associer un modèle de certificat interne</translation>
    </message>
    <message>
        <source>Credits (when the credits feature is on)</source>
        <translation>Crédits (lorsque la fonction crédits est activée)</translation>
    </message>
    <message>
        <source>List your certificates, or those of a user in your scope</source>
        <translation>Lister vos certificats, ou ceux d&apos;un utilisateur de votre périmètre</translation>
    </message>
    <message>
        <source>Whose certificates (default: yours)</source>
        <translation>Les certificats de qui (par défaut : les vôtres)</translation>
    </message>
    <message>
        <source>Imported certificate %1 &quot;%2&quot; for %3</source>
        <translation>Certificat %1 « %2 » importé pour %3</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1 : %2.</translation>
    </message>
    <message>
        <source>%1: pending validation (task %2), but nobody can review it yet: ask a platform admin.</source>
        <translation>%1 : en attente de validation (tâche %2), mais personne ne peut encore le valider : adressez-vous à un administrateur de la plateforme.</translation>
    </message>
    <message>
        <source>%1: pending validation (task %2) by %3.</source>
        <translation>%1 : en attente de validation (tâche %2) par %3.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>OWNER</source>
        <translation>PROPRIÉTAIRE</translation>
    </message>
    <message>
        <source>DELIVERED</source>
        <translation>DÉLIVRÉ</translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation>EXPIRE</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUT</translation>
    </message>
    <message>
        <source>TEMPLATE</source>
        <translation>MODÈLE</translation>
    </message>
    <message>
        <source>CREDITS</source>
        <translation>CRÉDITS</translation>
    </message>
    <message>
        <source>No certificates.</source>
        <translation>Aucun certificat.</translation>
    </message>
    <message>
        <source>Correct a rejected certificate and send it again</source>
        <translation>Corriger un certificat refusé et le renvoyer</translation>
    </message>
    <message>
        <source>CERT_ID is the number &apos;certificates&apos; shows; only a rejected external certificate can be sent again, by whoever may import for its owner. FILE replaces the PDF (checked as for import); without it the PDF stays. Options not given keep their value. With validation on the certificate waits for the reviewers again, who are listed; with validation off it is accepted. If someone changed the certificate meanwhile, nothing is written.</source>
        <translation>CERT_ID est le numéro qu&apos;affiche &apos;certificates&apos; ; seul un certificat externe refusé peut être renvoyé, par quiconque peut importer pour son propriétaire. FILE remplace le PDF (vérifié comme pour un import) ; sans lui, le PDF reste inchangé. Les options non indiquées conservent leur valeur. Si la validation est activée, le certificat attend à nouveau les valideurs, qui sont listés ; si elle est désactivée, il est accepté. Si quelqu&apos;un a modifié le certificat entre-temps, rien n&apos;est écrit.</translation>
    </message>
    <message>
        <source>Correct the certificate name</source>
        <translation>Corriger le nom du certificat</translation>
    </message>
    <message>
        <source>Correct the delivery date</source>
        <translation>Corriger la date de délivrance</translation>
    </message>
    <message>
        <source>Correct the expiration date</source>
        <translation>Corriger la date d&apos;expiration</translation>
    </message>
    <message>
        <source>Remove the expiration date</source>
        <translation>Supprimer la date d&apos;expiration</translation>
    </message>
    <message>
        <source>Remove the associated template</source>
        <translation>Supprimer le modèle associé</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a certificate number: use a number that &apos;certdesk-cli certificates&apos; shows.</source>
        <translation>« %1 » n&apos;est pas un numéro de certificat : utilisez un numéro qu&apos;affiche &apos;certdesk-cli certificates&apos;.</translation>
    </message>
    <message>
        <source>Sent certificate %1 &quot;%2&quot; of %3 again</source>
        <translation>Certificat %1 « %2 » de %3 renvoyé</translation>
    </message>
    <message>
        <source>%1 The PDF was repaired on import (%2).</source>
        <translation>%1 Le PDF a été réparé à l&apos;import (%2).</translation>
    </message>
    <message>
        <source>Check a PDF as an import would, without importing it</source>
        <translation>Vérifier un PDF comme le ferait un import, sans l&apos;importer</translation>
    </message>
    <message>
        <source>Runs the PDF reader (certdesk-pdfcheck) on FILE within the limits an import uses (defaults: the settings&apos; defaults, pdf.max-size-mb %1, pdf.check-seconds %2, pdf.check-memory-mb %3) and says whether an import would accept it, after which repairs, or why it would be refused. Needs no database and no user. Exit status 0: it would be accepted; 1: refused.</source>
        <translation>Lance le lecteur de PDF (certdesk-pdfcheck) sur FILE dans les limites d&apos;un import (par défaut celles des réglages : pdf.max-size-mb %1, pdf.check-seconds %2, pdf.check-memory-mb %3) et indique si un import l&apos;accepterait, après quelles réparations, ou pourquoi il le refuserait. Sans base de données ni utilisateur. Code de sortie 0 : il serait accepté ; 1 : refusé.</translation>
    </message>
    <message>
        <source>Size limit in MB</source>
        <translation>Taille maximale en Mo</translation>
    </message>
    <message>
        <source>Time limit of the reader</source>
        <translation>Durée maximale du lecteur, en secondes</translation>
    </message>
    <message>
        <source>Memory limit of the reader in MB</source>
        <translation>Mémoire maximale du lecteur, en Mo</translation>
    </message>
    <message>
        <source>--%1 takes a whole number from %2 to %3.</source>
        <translation>--%1 attend un nombre entier de %2 à %3.</translation>
    </message>
    <message>
        <source>%1: refused: %2</source>
        <translation>%1 : refusé : %2</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 page</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <source>%1: accepted, %2 (read in %3 ms).</source>
        <translation>%1 : accepté, %2 (lu en %3 ms).</translation>
    </message>
    <message>
        <source>%1: accepted after repair (%2), %3 (read in %4 ms).</source>
        <translation>%1 : accepté après réparation (%2), %3 (lu en %4 ms).</translation>
    </message>
    <message>
        <source>Imported certificate %1 &quot;%2&quot; for %3, renewing %4</source>
        <translation>Certificat %1 « %2 » importé pour %3, renouvelant %4</translation>
    </message>
    <message>
        <source>Import the renewal of a valid, expiring or expired certificate</source>
        <translation>Importer le renouvellement d&apos;un certificat valide, bientôt expiré ou expiré</translation>
    </message>
    <message>
        <source>CERT_ID is the number &apos;certificates&apos; shows: an accepted or validated certificate, neither revoked nor renewed yet. FILE is the new certificate&apos;s PDF, imported for the same person as &apos;import&apos; would (same checks, rights, JSON and exit status); the name, template and credits are the renewed certificate&apos;s unless given. Once the renewal is accepted or validated, the renewed certificate shows Renewed and gets no more reminders; the history of each names the other.</source>
        <translation>CERT_ID est le numéro qu&apos;affiche &apos;certificates&apos; : un certificat accepté ou validé, ni révoqué ni déjà renouvelé. FILE est le PDF du nouveau certificat, importé pour la même personne comme le ferait &apos;import&apos; (mêmes contrôles, droits, JSON et codes de sortie) ; le nom, le modèle et les crédits sont ceux du certificat renouvelé sauf s&apos;ils sont donnés. Dès que le renouvellement est accepté ou validé, le certificat renouvelé s&apos;affiche Renouvelé et ne reçoit plus de rappels ; l&apos;historique de chacun nomme l&apos;autre.</translation>
    </message>
    <message>
        <source>Delivery date of the renewal (today or earlier)</source>
        <translation>Date de délivrance du renouvellement (aujourd&apos;hui ou avant)</translation>
    </message>
    <message>
        <source>Certificate name (default: the renewed one&apos;s)</source>
        <translation>Nom du certificat (par défaut : celui du certificat renouvelé)</translation>
    </message>
    <message>
        <source>Associate an internal certificate template (default: the renewed one&apos;s)</source>
        <translation>Associer un modèle de certificat interne (par défaut : celui du certificat renouvelé)</translation>
    </message>
    <message>
        <source>Credits (default: the renewed one&apos;s)</source>
        <translation>Crédits (par défaut : ceux du certificat renouvelé)</translation>
    </message>
    <message>
        <source>Revoke a validated or accepted certificate, saying why</source>
        <translation>Révoquer un certificat validé ou accepté, en disant pourquoi</translation>
    </message>
    <message>
        <source>For platform admins and the people who review the owner&apos;s certificates (R3), never the owner. The certificate shows Revoked, keeps its history and gets no more reminders; its owner is told in the app and by email, with the reason. If someone revoked or changed it meanwhile, nothing is written and you are told who.</source>
        <translation>Pour les administrateurs de la plateforme et les personnes qui valident les certificats du titulaire (R3), jamais le titulaire. Le certificat s&apos;affiche Révoqué, garde son historique et ne reçoit plus de rappels ; son titulaire est prévenu dans l&apos;application et par e-mail, avec le motif. Si quelqu&apos;un l&apos;a révoqué ou modifié entre-temps, rien n&apos;est écrit et on vous dit qui.</translation>
    </message>
    <message>
        <source>Why it is revoked (required; its owner reads it)</source>
        <translation>Pourquoi il est révoqué (obligatoire ; son titulaire le lit)</translation>
    </message>
    <message>
        <source>Revoked certificate %1 &quot;%2&quot; of %3; they are told why.</source>
        <translation>Certificat %1 « %2 » de %3 révoqué ; le motif lui est communiqué.</translation>
    </message>
    <message>
        <source>Newest delivery first. --status shows only those whose status is shown as STATUS: all, valid (accepted or validated, not expiring soon), expiring (within the expiry.soon-days setting), expired, pending, rejected or revoked. --expiring-within DAYS shows only the valid ones (accepted or validated, neither revoked nor renewed) expiring from today to DAYS days on (0: today), soonest first: what lapses next.</source>
        <translation>Les plus récemment délivrés d&apos;abord. --status n&apos;affiche que ceux dont le statut affiché est STATUS : all, valid (accepté ou validé, n&apos;expirant pas bientôt), expiring (dans le délai du paramètre expiry.soon-days), expired, pending, rejected ou revoked. --expiring-within DAYS n&apos;affiche que les certificats valides (acceptés ou validés, ni révoqués ni renouvelés) qui expirent d&apos;aujourd&apos;hui à dans DAYS jours (0 : aujourd&apos;hui), les plus proches d&apos;abord : ce qui expire ensuite.</translation>
    </message>
    <message>
        <source>all, valid, expiring, expired, pending, rejected or revoked</source>
        <translation>all, valid, expiring, expired, pending, rejected ou revoked</translation>
    </message>
    <message>
        <source>Only valid ones expiring within DAYS days, soonest first (0 to 3650)</source>
        <translation>Seulement les valides qui expirent sous DAYS jours, les plus proches d&apos;abord (0 à 3650)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a status: use %2.</source>
        <translation>« %1 » n&apos;est pas un statut : utilisez %2.</translation>
    </message>
    <message>
        <source>--expiring-within &quot;%1&quot; is not a number of days: give a whole number from 0 to 3650.</source>
        <translation>--expiring-within « %1 » n&apos;est pas un nombre de jours : donnez un nombre entier de 0 à 3650.</translation>
    </message>
</context>
<context>
    <name>CliComplianceCommands</name>
    <message>
        <source>The group</source>
        <translation>Le groupe</translation>
    </message>
    <message>
        <source>The certificate template</source>
        <translation>Le modèle de certificat</translation>
    </message>
    <message>
        <source>Require a certificate template of a group&apos;s members (and its sub-groups&apos;)</source>
        <translation>Exiger un modèle de certificat des membres d&apos;un groupe (et de ses sous-groupes)</translation>
    </message>
    <message>
        <source>Every current member of the group, and of the groups below it, must hold a certificate associated with the template; the compliance command and page show who does. Platform admins change any group&apos;s requirements, group admins those of their groups.</source>
        <translation>Chaque membre actuel du groupe, et des groupes en dessous, doit détenir un certificat associé au modèle ; la commande et la page de conformité montrent qui le détient. Les administrateurs de la plateforme modifient les exigences de tout groupe, les administrateurs de groupe celles de leurs groupes.</translation>
    </message>
    <message>
        <source>Stop requiring a template of a group</source>
        <translation>Ne plus exiger un modèle d&apos;un groupe</translation>
    </message>
    <message>
        <source>The certificates stay; only the requirement goes.</source>
        <translation>Les certificats restent ; seule l&apos;exigence disparaît.</translation>
    </message>
    <message>
        <source>List the requirements (of every group, or of one)</source>
        <translation>Lister les exigences (de tous les groupes, ou d&apos;un seul)</translation>
    </message>
    <message>
        <source>Who in your scope holds each required certificate, and who lapses next</source>
        <translation>Qui, dans votre périmètre, détient chaque certificat exigé, et qui arrive à échéance en premier</translation>
    </message>
    <message>
        <source>For each person in your scope a requirement applies to, the state of each required template: valid, expiring (within expiry.soon-days), pending, expired or missing; then the totals per template. --group keeps the people of a group and its sub-groups, --template one template, --state the people with a required template in that state. --order lapse: soonest lapse first (missing and pending ones have lapsed). --csv writes one record per person and template (RFC 4180, UTF-8; --excel adds a byte order mark and the locale&apos;s separator) to stdout or --output FILE. Admins, managers and coaches only.</source>
        <translation>Pour chaque personne de votre périmètre concernée par une exigence, l&apos;état de chaque modèle exigé : valid (valide), expiring (expire dans expiry.soon-days), pending (en attente), expired (expiré) ou missing (manquant) ; puis les totaux par modèle. --group garde les personnes d&apos;un groupe et de ses sous-groupes, --template un modèle, --state les personnes ayant un modèle exigé dans cet état. --order lapse : les échéances les plus proches d&apos;abord (les manquants et les en attente sont déjà échus). --csv écrit un enregistrement par personne et par modèle (RFC 4180, UTF-8 ; --excel ajoute une marque d&apos;ordre des octets et le séparateur de la langue) sur la sortie standard ou dans --output FICHIER. Administrateurs, managers et coachs uniquement.</translation>
    </message>
    <message>
        <source>valid, expiring, pending, expired or missing</source>
        <translation>valid, expiring, pending, expired ou missing</translation>
    </message>
    <message>
        <source>Sort order (default: name)</source>
        <translation>Ordre de tri (par défaut : name)</translation>
    </message>
    <message>
        <source>Write CSV instead of a table</source>
        <translation>Écrire du CSV au lieu d&apos;un tableau</translation>
    </message>
    <message>
        <source>CSV for Excel: byte order mark, locale&apos;s separator</source>
        <translation>CSV pour Excel : marque d&apos;ordre des octets, séparateur de la langue</translation>
    </message>
    <message>
        <source>Write the CSV to FILE</source>
        <translation>Écrire le CSV dans FICHIER</translation>
    </message>
    <message>
        <source>%1 now requires &quot;%2&quot; of its members and of the members of the groups below it.</source>
        <translation>%1 exige désormais « %2 » de ses membres et des membres des groupes en dessous.</translation>
    </message>
    <message>
        <source>%1 no longer requires &quot;%2&quot;.</source>
        <translation>%1 n&apos;exige plus « %2 ».</translation>
    </message>
    <message>
        <source>GROUP</source>
        <translation>GROUPE</translation>
    </message>
    <message>
        <source>TEMPLATE</source>
        <translation>MODÈLE</translation>
    </message>
    <message>
        <source>No group requires a certificate template.</source>
        <translation>Aucun groupe n&apos;exige de modèle de certificat.</translation>
    </message>
    <message>
        <source>--output writes CSV: add --csv.</source>
        <translation>--output écrit du CSV : ajoutez --csv.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>EMAIL</source>
        <translation>E-MAIL</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Nobody in your scope matches: no requirement applies, or none in this state.</source>
        <translation>Personne dans votre périmètre ne correspond : aucune exigence ne s&apos;applique, ou aucune dans cet état.</translation>
    </message>
    <message>
        <source>%1: %2 % covered (%3 of %4); %5 expire within %6 days, %7 pending, %8 expired, %9 missing.</source>
        <translation>%1 : %2 % couverts (%3 sur %4) ; %5 expirent dans les %6 jours, %7 en attente, %8 expirés, %9 manquants.</translation>
    </message>
    <message>
        <source>1 person.</source>
        <translation>1 personne.</translation>
    </message>
    <message>
        <source>%1 people.</source>
        <translation>%1 personnes.</translation>
    </message>
</context>
<context>
    <name>CliDirectoryCommands</name>
    <message>
        <source>Add a group (under the platform group, or under --parent)</source>
        <translation>Ajouter un groupe (sous le groupe de la plateforme, ou sous --parent)</translation>
    </message>
    <message>
        <source>Platform admins add groups anywhere; a group admin adds sub-groups of the groups they administer.</source>
        <translation>Les administrateurs de la plateforme ajoutent des groupes n&apos;importe où ; un administrateur de groupe ajoute des sous-groupes aux groupes qu&apos;il administre.</translation>
    </message>
    <message>
        <source>The parent group (default: the platform group)</source>
        <translation>Le groupe parent (par défaut : le groupe de la plateforme)</translation>
    </message>
    <message>
        <source>Add a user, with their groups, roles and manager</source>
        <translation>Ajouter un utilisateur, avec ses groupes, ses rôles et son manager</translation>
    </message>
    <message>
        <source>ROLE is admin, coach or learner; --member may be repeated, one role per group. Without --password the user cannot sign in yet. Platform admins add anyone; group admins add members to their groups.</source>
        <translation>ROLE vaut admin, coach ou learner ; --member peut être répété, un rôle par groupe. Sans --password, l&apos;utilisateur ne peut pas encore se connecter. Les administrateurs de la plateforme ajoutent n&apos;importe qui ; les administrateurs de groupe ajoutent des membres à leurs groupes.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Their manager</source>
        <translation>Son manager</translation>
    </message>
    <message>
        <source>A group and the role in it (repeatable)</source>
        <translation>Un groupe et le rôle dans ce groupe (répétable)</translation>
    </message>
    <message>
        <source>Their password</source>
        <translation>Son mot de passe</translation>
    </message>
    <message>
        <source>Their language (default: en)</source>
        <translation>Sa langue (par défaut : en)</translation>
    </message>
    <message>
        <source>Delete a user (kept, listed by &apos;users --deleted&apos;; cannot sign in)</source>
        <translation>Supprimer un utilisateur (conservé, listé par &apos;users --deleted&apos; ; ne peut pas se connecter)</translation>
    </message>
    <message>
        <source>Restore a deleted user</source>
        <translation>Restaurer un utilisateur supprimé</translation>
    </message>
    <message>
        <source>List the users in your scope (current, or deleted)</source>
        <translation>Lister les utilisateurs de votre périmètre (actuels ou supprimés)</translation>
    </message>
    <message>
        <source>List deleted users instead</source>
        <translation>Lister plutôt les utilisateurs supprimés</translation>
    </message>
    <message>
        <source>--parent is empty: name the parent group, or leave --parent out for the platform group.</source>
        <translation>--parent est vide : nommez le groupe parent, ou omettez --parent pour le groupe de la plateforme.</translation>
    </message>
    <message>
        <source>Added group &quot;%1&quot; under &quot;%2&quot;.</source>
        <translation>Groupe « %1 » ajouté sous « %2 ».</translation>
    </message>
    <message>
        <source>--member &quot;%1&quot; is not GROUP:ROLE, where ROLE is admin, coach or learner.</source>
        <translation>--member « %1 » n&apos;est pas de la forme GROUP:ROLE, où ROLE vaut admin, coach ou learner.</translation>
    </message>
    <message>
        <source>--password is empty: give a password, or leave --password out (the user then cannot sign in yet).</source>
        <translation>--password est vide : indiquez un mot de passe, ou omettez --password (l&apos;utilisateur ne pourra alors pas encore se connecter).</translation>
    </message>
    <message>
        <source>--manager is empty: give the manager&apos;s email, or leave --manager out.</source>
        <translation>--manager est vide : indiquez l&apos;e-mail du manager, ou omettez --manager.</translation>
    </message>
    <message>
        <source>Added user %1, groups: %2</source>
        <translation>Utilisateur %1 ajouté, groupes : %2</translation>
    </message>
    <message>
        <source>; manager: %1</source>
        <translation>; manager : %1</translation>
    </message>
    <message>
        <source>Deleted user %1: kept with their results, can no longer sign in.</source>
        <translation>Utilisateur %1 supprimé : conservé avec ses résultats, il ne peut plus se connecter.</translation>
    </message>
    <message>
        <source>Restored user %1.</source>
        <translation>Utilisateur %1 restauré.</translation>
    </message>
    <message>
        <source>EMAIL</source>
        <translation>E-MAIL</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>MANAGER</source>
        <translation>MANAGER</translation>
    </message>
    <message>
        <source>GROUPS</source>
        <translation>GROUPES</translation>
    </message>
    <message>
        <source>No deleted users.</source>
        <translation>Aucun utilisateur supprimé.</translation>
    </message>
    <message>
        <source>No users.</source>
        <translation>Aucun utilisateur.</translation>
    </message>
    <message>
        <source>Show who you are and your own choices, or change one</source>
        <translation>Afficher qui vous êtes et vos propres choix, ou en changer un</translation>
    </message>
    <message>
        <source>reminder-emails: whether reminders before a certificate expires also come by email (on, the default) or only in the app (off). Each person sets it for themselves.</source>
        <translation>reminder-emails : si les rappels avant l&apos;expiration d&apos;un certificat arrivent aussi par e-mail (on, par défaut) ou seulement dans l&apos;application (off). Chacun le règle pour soi.</translation>
    </message>
    <message>
        <source>&apos;me&apos; takes nothing, or: set reminder-emails on|off.</source>
        <translation>« me » ne prend rien, ou : set reminder-emails on|off.</translation>
    </message>
    <message>
        <source>Unknown choice &quot;%1&quot;: the one you set yourself is reminder-emails.</source>
        <translation>Choix inconnu « %1 » : celui que vous réglez vous-même est reminder-emails.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a switch value: use on or off.</source>
        <translation>« %1 » n&apos;est pas une valeur d&apos;interrupteur : utilisez on ou off.</translation>
    </message>
    <message>
        <source>Reminder emails are on.</source>
        <translation>Les rappels par e-mail sont activés.</translation>
    </message>
    <message>
        <source>Reminder emails are off; reminders still show in the app.</source>
        <translation>Les rappels par e-mail sont désactivés ; les rappels restent affichés dans l&apos;application.</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;
Reminder emails: %3</source>
        <translation>%1 &lt;%2&gt;
Rappels par e-mail : %3</translation>
    </message>
</context>
<context>
    <name>CliExportCommands</name>
    <message>
        <source>Write the CSV to FILE (also -o FILE); else to stdout</source>
        <translation>Écrire le CSV dans FICHIER (aussi -o FICHIER) ; sinon sur la sortie standard</translation>
    </message>
    <message>
        <source>For Excel: a UTF-8 byte order mark and the locale&apos;s separator</source>
        <translation>Pour Excel : une marque d&apos;ordre des octets UTF-8 et le séparateur de la langue</translation>
    </message>
    <message>
        <source>Export certificates as CSV: one person&apos;s, or all in your scope</source>
        <translation>Exporter des certificats en CSV : ceux d&apos;une personne, ou tous ceux de votre périmètre</translation>
    </message>
    <message>
        <source>With --user, that person&apos;s certificates as their list shows them (newest delivery first; --expiring-within: soonest expiry first); without, every certificate of the people in your scope (R5), by id. --status and --expiring-within filter as for &apos;certificates&apos;. RFC 4180 CSV, UTF-8, ISO dates; text that a spreadsheet would run as a formula is written with a leading apostrophe. Written a page at a time: memory stays flat for a million rows.</source>
        <translation>Avec --user, les certificats de cette personne tels que sa liste les montre (délivrance la plus récente d&apos;abord ; --expiring-within : expiration la plus proche d&apos;abord) ; sans, tous les certificats des personnes de votre périmètre (R5), par identifiant. --status et --expiring-within filtrent comme pour « certificates ». CSV RFC 4180, UTF-8, dates ISO ; un texte qu&apos;un tableur exécuterait comme une formule est écrit précédé d&apos;une apostrophe. Écrit page par page : la mémoire reste stable pour un million de lignes.</translation>
    </message>
    <message>
        <source>Whose certificates</source>
        <translation>Les certificats de qui</translation>
    </message>
    <message>
        <source>all, valid, expiring, expired, pending, rejected or revoked</source>
        <translation>all, valid, expiring, expired, pending, rejected ou revoked</translation>
    </message>
    <message>
        <source>Only the valid ones expiring within DAYS days</source>
        <translation>Seulement les valides qui expirent dans les JOURS jours</translation>
    </message>
    <message>
        <source>Export the compliance picture as CSV</source>
        <translation>Exporter la conformité en CSV</translation>
    </message>
    <message>
        <source>What &apos;compliance --csv&apos; writes: one record per person of your scope and required template, with the same filters.</source>
        <translation>Ce qu&apos;écrit « compliance --csv » : un enregistrement par personne de votre périmètre et par modèle exigé, avec les mêmes filtres.</translation>
    </message>
    <message>
        <source>The group</source>
        <translation>Le groupe</translation>
    </message>
    <message>
        <source>The certificate template</source>
        <translation>Le modèle de certificat</translation>
    </message>
    <message>
        <source>valid, expiring, pending, expired or missing</source>
        <translation>valid, expiring, pending, expired ou missing</translation>
    </message>
    <message>
        <source>Sort order (default: name)</source>
        <translation>Ordre de tri (par défaut : name)</translation>
    </message>
    <message>
        <source>Unknown state &quot;%1&quot;: use valid, expiring, pending, expired or missing.</source>
        <translation>État « %1 » inconnu : utilisez valid, expiring, pending, expired ou missing.</translation>
    </message>
    <message>
        <source>Unknown order &quot;%1&quot;: use name or lapse.</source>
        <translation>Ordre « %1 » inconnu : utilisez name ou lapse.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>Impossible d&apos;écrire %1 : %2.</translation>
    </message>
    <message>
        <source>Cannot write to the standard output.</source>
        <translation>Impossible d&apos;écrire sur la sortie standard.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a status: use %2.</source>
        <translation>« %1 » n&apos;est pas un statut : utilisez %2.</translation>
    </message>
    <message>
        <source>--expiring-within &quot;%1&quot; is not a number of days: give a whole number from 0 to 3650.</source>
        <translation>--expiring-within « %1 » n&apos;est pas un nombre de jours : donnez un nombre entier de 0 à 3650.</translation>
    </message>
</context>
<context>
    <name>CliGenerateCommands</name>
    <message>
        <source>Fill an empty database with a large generated organisation (for benchmarks)</source>
        <translation>Remplir une base vide d’une grande organisation générée (pour les mesures de performance)</translation>
    </message>
    <message>
        <source>Creates the schema if needed, then writes N people in groups three deep (divisions, departments, teams) with group admins, managers and coaches, M certificates spread over ten years (most people a few, some thousands, %1 about 25,000), K of them waiting for validation (about 10,000 for %2), their notifications, templates, requirements and a few shared real PDFs. The same seed gives the same data. Refused when the database is not empty. Every password is &quot;%3&quot;; the platform admin is %4. On a PostgreSQL database prepared by setup, run it as the database administrator: it also creates every person&apos;s login. Progress goes to stderr on long runs.</source>
        <translation>Crée le schéma si besoin, puis écrit N personnes dans des groupes sur trois niveaux (divisions, départements, équipes) avec administrateurs de groupe, managers et coachs, M certificats répartis sur dix ans (la plupart des personnes en ont quelques-uns, certaines des milliers, %1 environ 25 000), dont K en attente de validation (environ 10 000 pour %2), leurs notifications, modèles, exigences et quelques vrais PDF partagés. La même graine donne les mêmes données. Refusé si la base n’est pas vide. Tous les mots de passe sont « %3 » ; l’administrateur de la plateforme est %4. Sur une base PostgreSQL préparée par setup, lancez-le en tant qu’administrateur de la base : il crée aussi l’identifiant de chaque personne. La progression s’affiche sur stderr pour les longues exécutions.</translation>
    </message>
    <message>
        <source>People to generate (%1 to %2)</source>
        <translation>Personnes à générer (de %1 à %2)</translation>
    </message>
    <message>
        <source>Certificates to generate (0 to %1)</source>
        <translation>Certificats à générer (de 0 à %1)</translation>
    </message>
    <message>
        <source>Of those, certificates waiting for validation (0 to M)</source>
        <translation>Parmi eux, certificats en attente de validation (de 0 à M)</translation>
    </message>
    <message>
        <source>Random seed, a whole number (default %1)</source>
        <translation>Graine aléatoire, un nombre entier (par défaut %1)</translation>
    </message>
    <message>
        <source>--people &quot;%1&quot; is not a number of people: give a whole number from %2 to %3.</source>
        <translation>--people « %1 » n’est pas un nombre de personnes : donnez un nombre entier de %2 à %3.</translation>
    </message>
    <message>
        <source>--certificates &quot;%1&quot; is not a number of certificates: give a whole number from 0 to %2.</source>
        <translation>--certificates « %1 » n’est pas un nombre de certificats : donnez un nombre entier de 0 à %2.</translation>
    </message>
    <message>
        <source>--pending &quot;%1&quot; is not a number of pending certificates: give a whole number from 0 to --certificates (%2).</source>
        <translation>--pending « %1 » n’est pas un nombre de certificats en attente : donnez un nombre entier de 0 à --certificates (%2).</translation>
    </message>
    <message>
        <source>--seed &quot;%1&quot; is not a seed: give a whole number from 0 to %2.</source>
        <translation>--seed « %1 » n’est pas une graine : donnez un nombre entier de 0 à %2.</translation>
    </message>
    <message>
        <source>Generated in %1: %2 people (%3 deleted) in %4 groups, %5 managers, %6 coaches; %7 certificates (%8 pending, %9 validated, %10 rejected, %11 revoked, %12 expiring soon, %13 expired), %14 open tasks, %15 notifications.</source>
        <translation>Généré dans %1 : %2 personnes (%3 supprimées) dans %4 groupes, %5 managers, %6 coachs ; %7 certificats (%8 en attente, %9 validés, %10 refusés, %11 révoqués, %12 expirant bientôt, %13 expirés), %14 tâches ouvertes, %15 notifications.</translation>
    </message>
    <message>
        <source>  %1: %2 (%3 certificates, %4 open tasks to review)</source>
        <translation>  %1 : %2 (%3 certificats, %4 tâches ouvertes à examiner)</translation>
    </message>
    <message>
        <source>Created %1 logins on the server.</source>
        <translation>%1 identifiants créés sur le serveur.</translation>
    </message>
    <message>
        <source>Every password is &quot;%1&quot;. %2 rows in %3 s (%4 rows/s).</source>
        <translation>Tous les mots de passe sont « %1 ». %2 lignes en %3 s (%4 lignes/s).</translation>
    </message>
    <message>
        <source>%1 already has users: &apos;generate&apos; fills only an empty database (give a new file with --db); nothing was written.</source>
        <translation>%1 a déjà des utilisateurs : « generate » ne remplit qu’une base vide (donnez un nouveau fichier avec --db) ; rien n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>CliMailCommands</name>
    <message>
        <source>Send the outbox&apos;s emails through the SMTP server (a service, or --once)</source>
        <translation>Envoyer les e-mails de la file d&apos;envoi via le serveur SMTP (en service, ou --once)</translation>
    </message>
    <message>
        <source>Send what is due now, print a summary and exit</source>
        <translation>Envoyer ce qui est dû maintenant, afficher un résumé et quitter</translation>
    </message>
    <message>
        <source>Seconds between two rounds as a service (1 to 3600, default 30)</source>
        <translation>Secondes entre deux passages en mode service (1 à 3600, 30 par défaut)</translation>
    </message>
    <message>
        <source>List the emails that were given up, newest first (platform admins)</source>
        <translation>Lister les e-mails abandonnés, du plus récent au plus ancien (administrateurs de la plateforme)</translation>
    </message>
    <message>
        <source>Queue a failed email again (platform admins)</source>
        <translation>Remettre en file d&apos;envoi un e-mail en échec (administrateurs de la plateforme)</translation>
    </message>
    <message>
        <source>ID is the number &apos;mail failed&apos; shows. The email&apos;s backoff and give-up time start again; the next relay round sends it.</source>
        <translation>ID est le numéro qu&apos;affiche &apos;mail failed&apos;. Le délai entre tentatives et l&apos;échéance d&apos;abandon de l&apos;e-mail repartent de zéro ; le prochain passage du relais l&apos;envoie.</translation>
    </message>
    <message>
        <source>Set the SMTP password without putting it on the command line</source>
        <translation>Définir le mot de passe SMTP sans le mettre sur la ligne de commande</translation>
    </message>
    <message>
        <source>Reads the SMTP password from $%1, else asks for it twice without echo on a terminal, else reads the next line of stdin (after the --as password when that comes from stdin too). It is stored encrypted with this machine&apos;s mail key ($%2 or %3), which the relay needs too. &apos;settings mail.password &quot;&quot;&apos; clears it.</source>
        <translation>Lit le mot de passe SMTP depuis $%1, sinon le demande deux fois sans écho sur un terminal, sinon lit la ligne suivante de stdin (après le mot de passe de --as lorsque celui-ci provient aussi de stdin). Il est stocké chiffré avec la clé de messagerie de cette machine ($%2 ou %3), dont le relais a également besoin. &apos;settings mail.password &quot;&quot;&apos; l&apos;efface.</translation>
    </message>
    <message>
        <source>No email was due.</source>
        <translation>Aucun e-mail n&apos;était dû.</translation>
    </message>
    <message>
        <source>Sent %1, rescheduled %2, given up %3.</source>
        <translation>Envoyés : %1, reprogrammés : %2, abandonnés : %3.</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Dernière erreur : %1</translation>
    </message>
    <message>
        <source>Stopped before the end: the other emails wait for the next run.</source>
        <translation>Arrêté avant la fin : les autres e-mails attendent la prochaine exécution.</translation>
    </message>
    <message>
        <source>Next attempt: %1.</source>
        <translation>Prochaine tentative : %1.</translation>
    </message>
    <message>
        <source>--interval &quot;%1&quot; is not a number of seconds: give a whole number from 1 to 3600.</source>
        <translation>--interval « %1 » n&apos;est pas un nombre de secondes : indiquez un nombre entier de 1 à 3600.</translation>
    </message>
    <message numerus="yes">
        <source>%n email(s) could not be delivered and were given up: see &apos;certdesk-cli mail failed&apos;.</source>
        <translation>
            <numerusform>%n e-mail n&apos;a pas pu être remis et a été abandonné : voir &apos;certdesk-cli mail failed&apos;.</numerusform>
            <numerusform>%n e-mails n&apos;ont pas pu être remis et ont été abandonnés : voir &apos;certdesk-cli mail failed&apos;.</numerusform>
        </translation>
    </message>
    <message>
        <source>Relaying email from %1 every %2 s as %3; SIGINT or SIGTERM stops it.</source>
        <translation>Relais des e-mails depuis %1 toutes les %2 s en tant que %3 ; SIGINT ou SIGTERM l&apos;arrête.</translation>
    </message>
    <message>
        <source>Stopped; every email handled so far is recorded.</source>
        <translation>Arrêté ; chaque e-mail traité jusqu&apos;ici est enregistré.</translation>
    </message>
    <message>
        <source>Server: %1:%2 (%3), from %4.</source>
        <translation>Serveur : %1:%2 (%3), expéditeur %4.</translation>
    </message>
    <message>
        <source>Login: %1, no password set.</source>
        <translation>Identifiant : %1, aucun mot de passe défini.</translation>
    </message>
    <message>
        <source>Login: %1, password set (mail key %2).</source>
        <translation>Identifiant : %1, mot de passe défini (clé de messagerie %2).</translation>
    </message>
    <message>
        <source>Outbox: %1 queued, %2 being sent, %3 sent, %4 failed.</source>
        <translation>File d&apos;envoi : %1 en attente, %2 en cours d&apos;envoi, %3 envoyés, %4 en échec.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>RECIPIENT</source>
        <translation>DESTINATAIRE</translation>
    </message>
    <message>
        <source>SUBJECT</source>
        <translation>OBJET</translation>
    </message>
    <message>
        <source>ATTEMPTS</source>
        <translation>TENTATIVES</translation>
    </message>
    <message>
        <source>LAST TRY</source>
        <translation>DERNIER ESSAI</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>ERREUR</translation>
    </message>
    <message>
        <source>No failed emails.</source>
        <translation>Aucun e-mail en échec.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email number: use a number that &apos;certdesk-cli mail failed&apos; shows.</source>
        <translation>« %1 » n&apos;est pas un numéro d&apos;e-mail : utilisez un numéro affiché par « certdesk-cli mail failed ».</translation>
    </message>
    <message>
        <source>Email %1 to %2 is queued again; the next relay round sends it.</source>
        <translation>L&apos;e-mail %1 à %2 est de nouveau en file d&apos;envoi ; le prochain passage du relais l&apos;enverra.</translation>
    </message>
    <message>
        <source>SMTP password: </source>
        <translation>Mot de passe SMTP : </translation>
    </message>
    <message>
        <source>No SMTP password given: type it when asked, give it on stdin, or set %1.</source>
        <translation>Aucun mot de passe SMTP fourni : saisissez-le lorsqu&apos;il est demandé, fournissez-le sur stdin ou définissez %1.</translation>
    </message>
    <message>
        <source>The SMTP password is empty: to remove it, run &apos;certdesk-cli settings mail.password &quot;&quot;&apos;.</source>
        <translation>Le mot de passe SMTP est vide : pour le supprimer, exécutez « certdesk-cli settings mail.password &quot;&quot; ».</translation>
    </message>
    <message>
        <source>The SMTP password is set, encrypted with mail key %1; the relay needs the same key ($%2 or the file %3 of its user).</source>
        <translation>Le mot de passe SMTP est défini, chiffré avec la clé de messagerie %1 ; le relais a besoin de la même clé ($%2 ou le fichier %3 de son utilisateur).</translation>
    </message>
    <message>
        <source>The reminders could not be sent: %1</source>
        <translation>Les rappels n&apos;ont pas pu être envoyés : %1</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n reminder(s) before expiry.</source>
        <translation>
            <numerusform>%n rappel envoyé avant expiration.</numerusform>
            <numerusform>%n rappels envoyés avant expiration.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sends the emails that are due through the server (or into the folder) of the mail.* settings, with retries and backoff, until SIGINT or SIGTERM (it stops after the email being sent). It also runs the reminders before expiry once a day (as &apos;reminders&apos; does). With --once it sends today&apos;s reminders and what is due and exits: 0 when every due email was sent or rescheduled, 1 when one was given up, the reminders failed, mail is not configured or the database failed. Several relays may run on one PostgreSQL database. Needs no --as: the database login (or, for SQLite, access to the file) is the relay&apos;s authority, and the SMTP password is decrypted with the mail key of the relay&apos;s user ($%1 or %2).</source>
        <translation>Envoie les e-mails dus par le serveur (ou dans le dossier) des paramètres mail.*, avec nouvelles tentatives et délais croissants, jusqu’à SIGINT ou SIGTERM (il s’arrête après l’e-mail en cours d’envoi). Il envoie aussi une fois par jour les rappels avant expiration (comme « reminders »). Avec --once, il envoie les rappels du jour et ce qui est dû, puis se termine : 0 quand chaque e-mail dû a été envoyé ou reprogrammé, 1 quand l’un a été abandonné, que les rappels ont échoué, que l’e-mail n’est pas configuré ou que la base de données a échoué. Plusieurs relais peuvent tourner sur une même base PostgreSQL. Sans --as : la connexion à la base (ou, pour SQLite, l’accès au fichier) fait autorité pour le relais, et le mot de passe SMTP est déchiffré avec la clé de messagerie de l’utilisateur du relais ($%1 ou %2).</translation>
    </message>
    <message>
        <source>Show the SMTP server or mail folder in use and the outbox&apos;s counts (platform admins)</source>
        <translation>Afficher le serveur SMTP ou le dossier de courrier utilisé et les compteurs de la file d’envoi (administrateurs de la plateforme)</translation>
    </message>
    <message>
        <source>Folder: %1 (each email an .eml file), from %2.</source>
        <translation>Dossier : %1 (chaque e-mail dans un fichier .eml), expéditeur %2.</translation>
    </message>
</context>
<context>
    <name>CliReminderCommands</name>
    <message>
        <source>Send the reminders due today before certificates expire (cron, a timer)</source>
        <translation>Envoyer les rappels dus aujourd&apos;hui avant l&apos;expiration des certificats (cron, un minuteur)</translation>
    </message>
    <message>
        <source>For each certificate that reached a threshold of the reminders.days setting and was not reminded of at that threshold, tells its owner (and, with reminders.manager, their manager, else the group admins) in the app and by email through the outbox. Each reminder is sent once, however often and by however many jobs this runs; a job that did not run for a while sends only the latest threshold due. Prints what it sent. --dry-run prints what it would send and writes nothing. Today is the system&apos;s date, or $CERTDESK_TODAY. Needs no --as: on SQLite access to the file is the job&apos;s authority; on a PostgreSQL database prepared by setup, a relay login or a platform admin&apos;s.</source>
        <translation>Pour chaque certificat qui a atteint un seuil du paramètre reminders.days sans rappel à ce seuil, prévient son titulaire (et, avec reminders.manager, son manager, sinon les administrateurs de groupe) dans l&apos;application et par e-mail via la file d&apos;envoi. Chaque rappel est envoyé une fois, quels que soient le nombre d&apos;exécutions et de tâches simultanées ; une tâche qui n&apos;a pas tourné depuis un moment n&apos;envoie que le dernier seuil dû. Affiche ce qui a été envoyé. --dry-run affiche ce qui serait envoyé et n&apos;écrit rien. Aujourd&apos;hui est la date du système, ou $CERTDESK_TODAY. Sans --as : sur SQLite, l&apos;accès au fichier fait autorité ; sur une base PostgreSQL préparée par setup, une connexion de relais ou celle d&apos;un administrateur de la plateforme.</translation>
    </message>
    <message>
        <source>Print what would be sent; write nothing</source>
        <translation>Afficher ce qui serait envoyé ; ne rien écrire</translation>
    </message>
    <message>
        <source>CERTIFICATE</source>
        <translation>CERTIFICAT</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>OWNER</source>
        <translation>TITULAIRE</translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation>EXPIRE LE</translation>
    </message>
    <message>
        <source>DAYS LEFT</source>
        <translation>JOURS RESTANTS</translation>
    </message>
    <message>
        <source>RECIPIENTS</source>
        <translation>DESTINATAIRES</translation>
    </message>
    <message>
        <source>%1 (in-app only)</source>
        <translation>%1 (dans l&apos;application seulement)</translation>
    </message>
    <message>
        <source>No reminder is due on %1.</source>
        <translation>Aucun rappel n&apos;est dû le %1.</translation>
    </message>
    <message>
        <source>No reminder was due on %1: nothing sent.</source>
        <translation>Aucun rappel n&apos;était dû le %1 : rien n&apos;a été envoyé.</translation>
    </message>
    <message numerus="yes">
        <source>Would send %n reminder(s) on %1 (%2 email(s)); nothing written.</source>
        <translation>
            <numerusform>Enverrait %n rappel le %1 (%2 e-mail(s)) ; rien n&apos;a été écrit.</numerusform>
            <numerusform>Enverrait %n rappels le %1 (%2 e-mail(s)) ; rien n&apos;a été écrit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n reminder(s) on %1 (%2 email(s) queued in the outbox).</source>
        <translation>
            <numerusform>%n rappel envoyé le %1 (%2 e-mail(s) dans la file d&apos;envoi).</numerusform>
            <numerusform>%n rappels envoyés le %1 (%2 e-mail(s) dans la file d&apos;envoi).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) were sent by another job at the same time.</source>
        <translation>
            <numerusform>%n rappel a été envoyé par une autre tâche au même moment.</numerusform>
            <numerusform>%n rappels ont été envoyés par une autre tâche au même moment.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliReviewCommands</name>
    <message>
        <source>List the open validation tasks you may review</source>
        <translation>Lister les tâches de validation ouvertes que vous pouvez traiter</translation>
    </message>
    <message>
        <source>Tasks assigned to you (platform admins: every task but those on their own certificates). With --all, decided tasks too.</source>
        <translation>Les tâches qui vous sont attribuées (administrateurs de la plateforme : toutes les tâches sauf celles portant sur leurs propres certificats). Avec --all, les tâches déjà décidées aussi.</translation>
    </message>
    <message>
        <source>Include validated and rejected tasks</source>
        <translation>Inclure les tâches validées et refusées</translation>
    </message>
    <message>
        <source>Validate or reject a pending certificate, optionally correcting it</source>
        <translation>Valider ou refuser un certificat en attente, en le corrigeant éventuellement</translation>
    </message>
    <message>
        <source>TASK is the number &apos;tasks&apos; shows. A rejection needs --comment, which the owner receives. If another reviewer decided first, nothing is changed and you are told who.</source>
        <translation>TASK est le numéro affiché par « tasks ». Un refus nécessite --comment, que le propriétaire reçoit. Si un autre valideur a décidé en premier, rien n&apos;est modifié et vous êtes informé de qui il s&apos;agit.</translation>
    </message>
    <message>
        <source>Validate the certificate</source>
        <translation>Valider le certificat</translation>
    </message>
    <message>
        <source>Reject the certificate (needs --comment)</source>
        <translation>Refuser le certificat (nécessite --comment)</translation>
    </message>
    <message>
        <source>Comment for the owner</source>
        <translation>Commentaire pour le propriétaire</translation>
    </message>
    <message>
        <source>Correct the certificate name</source>
        <translation>Corriger le nom du certificat</translation>
    </message>
    <message>
        <source>Correct the delivery date</source>
        <translation>Corriger la date de délivrance</translation>
    </message>
    <message>
        <source>Correct the expiration date</source>
        <translation>Corriger la date d&apos;expiration</translation>
    </message>
    <message>
        <source>Remove the expiration date</source>
        <translation>Supprimer la date d&apos;expiration</translation>
    </message>
    <message>
        <source>Associate an internal certificate template</source>
        <translation>Associer un modèle de certificat interne</translation>
    </message>
    <message>
        <source>Remove the associated template</source>
        <translation>Supprimer le modèle associé</translation>
    </message>
    <message>
        <source>List your notifications, newest first</source>
        <translation>Lister vos notifications, les plus récentes en premier</translation>
    </message>
    <message>
        <source>Only unread notifications</source>
        <translation>Uniquement les notifications non lues</translation>
    </message>
    <message>
        <source>TASK</source>
        <translation>TÂCHE</translation>
    </message>
    <message>
        <source>CERTIFICATE</source>
        <translation>CERTIFICAT</translation>
    </message>
    <message>
        <source>OWNER</source>
        <translation>PROPRIÉTAIRE</translation>
    </message>
    <message>
        <source>DELIVERED</source>
        <translation>DÉLIVRÉ</translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation>EXPIRE</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ÉTAT</translation>
    </message>
    <message>
        <source>SENT</source>
        <translation>ENVOYÉ</translation>
    </message>
    <message>
        <source>No validation tasks.</source>
        <translation>Aucune tâche de validation.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a task number: use a number that &apos;certdesk-cli tasks&apos; shows.</source>
        <translation>« %1 » n&apos;est pas un numéro de tâche : utilisez un numéro affiché par « certdesk-cli tasks ».</translation>
    </message>
    <message>
        <source>Validated task %1: &quot;%2&quot; of %3 is now validated; %4 is notified.</source>
        <translation>Tâche %1 validée : « %2 » de %3 est désormais validé ; %4 est notifié.</translation>
    </message>
    <message>
        <source>Rejected task %1: &quot;%2&quot; of %3 is now rejected; %4 is notified with your comment.</source>
        <translation>Tâche %1 refusée : « %2 » de %3 est désormais refusé ; %4 est notifié avec votre commentaire.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <source>READ</source>
        <translation>LU</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>TITRE</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>No unread notifications.</source>
        <translation>Aucune notification non lue.</translation>
    </message>
    <message>
        <source>No notifications.</source>
        <translation>Aucune notification.</translation>
    </message>
    <message>
        <source>With --json, do not read each task&apos;s PDF for its signals (faster)</source>
        <translation>Avec --json, ne pas lire le PDF de chaque tâche pour ses signaux (plus rapide)</translation>
    </message>
</context>
<context>
    <name>CliSetupCommands</name>
    <message>
        <source>Create or upgrade the database schema; optionally add the first platform admin</source>
        <translation>Créer ou mettre à niveau le schéma de la base de données ; ajouter éventuellement le premier administrateur de la plateforme</translation>
    </message>
    <message>
        <source>Creates the database (a SQLite file is created if missing; a PostgreSQL database must exist) or upgrades its schema, and says which. With --admin, also adds the first platform admin, only while the database has no users; the password comes from $%1 or is asked twice.</source>
        <translation>Crée la base de données (un fichier SQLite est créé s&apos;il n&apos;existe pas ; une base PostgreSQL doit déjà exister) ou met à niveau son schéma, et indique ce qui a été fait. Avec --admin, ajoute aussi le premier administrateur de la plateforme, uniquement tant que la base de données n&apos;a aucun utilisateur ; le mot de passe provient de $%1 ou est demandé deux fois.</translation>
    </message>
    <message>
        <source>The first platform admin&apos;s email</source>
        <translation>L&apos;e-mail du premier administrateur de la plateforme</translation>
    </message>
    <message>
        <source>The first platform admin&apos;s name</source>
        <translation>Le nom du premier administrateur de la plateforme</translation>
    </message>
    <message>
        <source>Fill an empty database with a demo organisation</source>
        <translation>Remplir une base de données vide avec une organisation de démonstration</translation>
    </message>
    <message>
        <source>Show the platform settings, one setting, or change one</source>
        <translation>Afficher les paramètres de la plateforme ou un paramètre, ou en modifier un</translation>
    </message>
    <message>
        <source>List the internal certificate templates</source>
        <translation>Lister les modèles de certificats internes</translation>
    </message>
    <message>
        <source>%1 already has users, so its first platform admin exists: add people with &apos;certdesk-cli --as ADMIN user add&apos;.</source>
        <translation>%1 a déjà des utilisateurs, son premier administrateur de la plateforme existe donc : ajoutez des personnes avec « certdesk-cli --as ADMIN user add ».</translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation>Nouveau mot de passe pour %1 : </translation>
    </message>
    <message>
        <source>Created the CertDesk schema (version %1) in %2.</source>
        <translation>Schéma CertDesk (version %1) créé dans %2.</translation>
    </message>
    <message>
        <source>Upgraded %1 from schema version %2 to %3.</source>
        <translation>%1 mis à niveau de la version de schéma %2 à %3.</translation>
    </message>
    <message>
        <source>%1 is up to date (schema version %2); nothing to do.</source>
        <translation>%1 est à jour (version de schéma %2) ; rien à faire.</translation>
    </message>
    <message>
        <source>Added the first platform admin %1.</source>
        <translation>Premier administrateur de la plateforme %1 ajouté.</translation>
    </message>
    <message>
        <source>%1 already has users: &apos;demo&apos; fills only an empty database (give a new file with --db).</source>
        <translation>%1 a déjà des utilisateurs : « demo » ne remplit qu&apos;une base de données vide (indiquez un nouveau fichier avec --db).</translation>
    </message>
    <message>
        <source>Filled %1 with demo data: %2 groups, %3 users, %4 templates, %5 certificates (%6 validation tasks).</source>
        <translation>%1 rempli avec des données de démonstration : %2 groupes, %3 utilisateurs, %4 modèles, %5 certificats (%6 tâches de validation).</translation>
    </message>
    <message>
        <source>Sign in as %1 with the password &quot;%2&quot; (every demo user has it).</source>
        <translation>Connectez-vous en tant que %1 avec le mot de passe « %2 » (tous les utilisateurs de démonstration l&apos;ont).</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 vaut désormais %2.</translation>
    </message>
    <message>
        <source>Unknown setting &quot;%1&quot;. Known settings: %2.</source>
        <translation>Paramètre inconnu « %1 ». Paramètres connus : %2.</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>CLÉ</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>VALEUR</translation>
    </message>
    <message>
        <source>DESCRIPTION</source>
        <translation>DESCRIPTION</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>VALIDITY</source>
        <translation>VALIDITÉ</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 mois</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 mois</translation>
    </message>
    <message>
        <source>does not expire</source>
        <translation>n&apos;expire pas</translation>
    </message>
    <message>
        <source>No certificate templates.</source>
        <translation>Aucun modèle de certificat.</translation>
    </message>
    <message>
        <source>Prepare a shared PostgreSQL database (run by a database superuser)</source>
        <translation>Préparer une base de données PostgreSQL partagée (à exécuter par un superutilisateur de la base de données)</translation>
    </message>
    <message>
        <source>Put before every login (first setup only)</source>
        <translation>Placé devant chaque identifiant de connexion (première configuration uniquement)</translation>
    </message>
    <message>
        <source>setup prepares a shared PostgreSQL database (--db postgresql://SUPERUSER@HOST/DBNAME); a SQLite file needs only &apos;certdesk-cli init&apos;.</source>
        <translation>setup prépare une base de données PostgreSQL partagée (--db postgresql://SUPERUSER@HOST/DBNAME) ; un fichier SQLite n&apos;a besoin que de « certdesk-cli init ».</translation>
    </message>
    <message>
        <source>%1 already has users, so its first platform admin exists: run setup without --admin.</source>
        <translation>%1 a déjà des utilisateurs, son premier administrateur de la plateforme existe donc : exécutez setup sans --admin.</translation>
    </message>
    <message>
        <source>%1 is ready for CertDesk (schema version %2, was %3).</source>
        <translation>%1 est prête pour CertDesk (version de schéma %2, auparavant %3).</translation>
    </message>
    <message>
        <source>Roles: %1 owns the schema and cannot log in; every person&apos;s login is in %2; email relays log in with a role in %3.</source>
        <translation>Rôles : %1 est propriétaire du schéma et ne peut pas se connecter ; l&apos;identifiant de connexion de chaque personne est dans %2 ; les relais d&apos;e-mails se connectent avec un rôle dans %3.</translation>
    </message>
    <message>
        <source>Added the first platform admin %1, who signs in with the login %2.</source>
        <translation>Premier administrateur de la plateforme %1 ajouté ; il se connecte avec l&apos;identifiant de connexion %2.</translation>
    </message>
    <message>
        <source>Run once by a database administrator connected as a superuser, and again after each CertDesk upgrade: creates the roles DB_owner (owns the schema, cannot log in), DB_member (every person&apos;s login) and DB_relay (email relays), applies the schema as the owner, then row-level security and the server&apos;s rules on every table. With --admin, also creates the first platform admin as a login (password from $%1 or asked twice). Logins are the email addresses, after --login-prefix when several CertDesk databases share one server. Every login gets a connection limit and a statement timeout (default %2 and %3; a later setup keeps the last values unless given again); large objects are taken away from the database&apos;s roles; --harden-server also hides the other sessions&apos; activity (pg_stat_activity, pg_locks, the statistics views) from every role of this database but superusers and pg_read_all_stats. One transaction: a failure changes nothing.</source>
        <translation>À lancer une fois par un administrateur de base de données connecté en superutilisateur, puis après chaque mise à jour de CertDesk : crée les rôles DB_owner (propriétaire du schéma, sans connexion), DB_member (la connexion de chaque personne) et DB_relay (relais d&apos;e-mails), applique le schéma en tant que propriétaire, puis la sécurité au niveau des lignes et les règles du serveur sur chaque table. Avec --admin, crée aussi le premier administrateur de la plateforme avec sa connexion (mot de passe pris dans $%1 ou demandé deux fois). Les connexions sont les adresses e-mail, précédées de --login-prefix quand plusieurs bases CertDesk partagent un serveur. Chaque connexion reçoit une limite de connexions et un délai maximal par requête (par défaut %2 et %3 ; un setup ultérieur garde les dernières valeurs sauf si on les redonne) ; les objets volumineux sont retirés aux rôles de la base ; --harden-server masque aussi l&apos;activité des autres sessions (pg_stat_activity, pg_locks, les vues de statistiques) à tous les rôles de cette base sauf aux superutilisateurs et à pg_read_all_stats. Une seule transaction : un échec ne change rien.</translation>
    </message>
    <message>
        <source>Connections each login may have at once (1 to %1; default %2)</source>
        <translation>Connexions simultanées permises à chaque connexion (1 à %1 ; par défaut %2)</translation>
    </message>
    <message>
        <source>Cancel each login&apos;s statements after this long (1500ms, 60s, 5min, 1h; 100ms to 24h; default %1)</source>
        <translation>Annuler les requêtes de chaque connexion après cette durée (1500ms, 60s, 5min, 1h ; de 100ms à 24h ; par défaut %1)</translation>
    </message>
    <message>
        <source>Hide the other sessions&apos; activity from every role of this database (changes catalogue grants; see CLI.md)</source>
        <translation>Masquer l&apos;activité des autres sessions à tous les rôles de cette base (modifie les droits du catalogue ; voir CLI.md)</translation>
    </message>
    <message>
        <source>--connection-limit &quot;%1&quot; is not a number of connections: give a whole number from 1 to %2.</source>
        <translation>--connection-limit « %1 » n&apos;est pas un nombre de connexions : donnez un nombre entier de 1 à %2.</translation>
    </message>
    <message>
        <source>Each login may have %1 connections at once; its statements are cancelled after %2 (existing logins changed now: %3).</source>
        <translation>Chaque connexion peut ouvrir %1 connexions simultanées ; ses requêtes sont annulées après %2 (connexions existantes modifiées maintenant : %3).</translation>
    </message>
    <message>
        <source>Large objects and the other sessions&apos; activity (pg_stat_activity, pg_locks, the statistics views) are hidden from the database&apos;s roles (--harden-server).</source>
        <translation>Les objets volumineux et l&apos;activité des autres sessions (pg_stat_activity, pg_locks, les vues de statistiques) sont masqués aux rôles de la base (--harden-server).</translation>
    </message>
    <message>
        <source>Large objects are taken away from the database&apos;s roles; the other sessions&apos; activity stays visible to them (see --harden-server).</source>
        <translation>Les objets volumineux sont retirés aux rôles de la base ; l&apos;activité des autres sessions leur reste visible (voir --harden-server).</translation>
    </message>
    <message>
        <source>Creates the schema if needed, then adds groups, about 30 users of every role, templates and certificates in every state. Refused when the database already has users. Every demo password is &quot;%1&quot;; the platform admin is %2. Its emails are written as .eml files into a folder beside the database (mail.transport folder).</source>
        <translation>Crée le schéma si nécessaire, puis ajoute des groupes, une trentaine d’utilisateurs de tous les rôles, des modèles et des certificats dans tous les états. Refusé si la base de données a déjà des utilisateurs. Tous les mots de passe de démonstration sont « %1 » ; l’administrateur de la plateforme est %2. Ses e-mails sont écrits en fichiers .eml dans un dossier à côté de la base de données (mail.transport folder).</translation>
    </message>
    <message>
        <source>Keys: import.enabled (R1), validation.required (R2), validation.reviewers (group-admins or managers, R3), credits.enabled, pdf.max-size-mb (1 to %1), pdf.check-seconds (%2 to %3), pdf.check-memory-mb (%4 to %5), expiry.soon-days (1 to %6), reminders.*, and mail.* (mail.transport smtp or folder, mail.folder an absolute path). Switches take on or off. Only platform admins change settings.</source>
        <translation>Clés : import.enabled (R1), validation.required (R2), validation.reviewers (group-admins ou managers, R3), credits.enabled, pdf.max-size-mb (1 à %1), pdf.check-seconds (%2 à %3), pdf.check-memory-mb (%4 à %5), expiry.soon-days (1 à %6), reminders.* et mail.* (mail.transport smtp ou folder, mail.folder un chemin absolu). Les interrupteurs prennent on ou off. Seuls les administrateurs de la plateforme modifient les réglages.</translation>
    </message>
    <message>
        <source>Its emails are written into %1 as .eml files (mail.transport folder).</source>
        <translation>Ses e-mails sont écrits dans %1 en fichiers .eml (mail.transport folder).</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>no command given.</source>
        <translation>aucune commande indiquée.</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;.</source>
        <translation>commande inconnue « %1 ».</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs one of: %2.</source>
        <translation>« %1 » nécessite l&apos;une de ces valeurs : %2.</translation>
    </message>
    <message>
        <source>unknown command &apos;%1 %2&apos; (try one of: %3).</source>
        <translation>commande inconnue « %1 %2 » (essayez l&apos;une de : %3).</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;.</source>
        <translation>option inconnue « %1 ».</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos; for &apos;%2&apos;.</source>
        <translation>option inconnue « %1 » pour « %2 ».</translation>
    </message>
    <message>
        <source>option &apos;%1&apos; takes no value.</source>
        <translation>l&apos;option « %1 » ne prend pas de valeur.</translation>
    </message>
    <message>
        <source>option &apos;%1&apos; needs a value (%2).</source>
        <translation>l&apos;option « %1 » nécessite une valeur (%2).</translation>
    </message>
    <message>
        <source>option &apos;%1&apos; is given twice.</source>
        <translation>l&apos;option « %1 » est indiquée deux fois.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; for &apos;%2&apos;.</source>
        <translation>argument inattendu « %1 » pour « %2 ».</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs %2.</source>
        <translation>« %1 » nécessite %2.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs the option %2 %3.</source>
        <translation>« %1 » nécessite l&apos;option %2 %3.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs one of the options %2.</source>
        <translation>« %1 » nécessite l&apos;une des options %2.</translation>
    </message>
    <message>
        <source>the options %1 cannot be used together.</source>
        <translation>les options %1 ne peuvent pas être utilisées ensemble.</translation>
    </message>
    <message>
        <source>the options %1 go together: give all of them or none.</source>
        <translation>les options %1 vont ensemble : indiquez-les toutes ou aucune.</translation>
    </message>
</context>
<context>
    <name>Compliance</name>
    <message>
        <source>Valid</source>
        <translation>Valide</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Expire bientôt</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Manquant</translation>
    </message>
</context>
<context>
    <name>ComplianceModel</name>
    <message>
        <source>Valid until %1</source>
        <translation>Valide jusqu&apos;au %1</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valide</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation>Expire le %1</translation>
    </message>
    <message>
        <source>Expired %1</source>
        <translation>Expiré le %1</translation>
    </message>
    <message>
        <source>Not required of %1</source>
        <translation>Non exigé de %1</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2 : %3</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
</context>
<context>
    <name>CompliancePage</name>
    <message>
        <source>Compliance</source>
        <translation>Conformité</translation>
    </message>
    <message>
        <source>Who holds each certificate their groups require, and who lapses next.</source>
        <translation>Qui détient chaque certificat exigé par ses groupes, et qui arrive à échéance en premier.</translation>
    </message>
    <message>
        <source>Loading error</source>
        <translation>Erreur de chargement</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totaux</translation>
    </message>
    <message>
        <source>The compliance picture could not be loaded: %1</source>
        <translation>La conformité n&apos;a pas pu être chargée : %1</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Required certificate</source>
        <translation>Certificat exigé</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Ordre</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>By name</source>
        <translation>Par nom</translation>
    </message>
    <message>
        <source>Soonest lapse first</source>
        <translation>Échéance la plus proche d&apos;abord</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Write what the filters show to a CSV file</source>
        <translation>Écrire ce que montrent les filtres dans un fichier CSV</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Tous les groupes</translation>
    </message>
    <message>
        <source>All required certificates</source>
        <translation>Tous les certificats exigés</translation>
    </message>
    <message>
        <source>1 person</source>
        <translation>1 personne</translation>
    </message>
    <message>
        <source>%1 people</source>
        <translation>%1 personnes</translation>
    </message>
    <message>
        <source>%1: %2 % covered (%3 of %4)</source>
        <translation>%1 : %2 % couverts (%3 sur %4)</translation>
    </message>
    <message>
        <source>, %1 expiring within %2 days</source>
        <translation>, %1 expirant dans les %2 jours</translation>
    </message>
    <message>
        <source>, %1 missing</source>
        <translation>, %1 manquants</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>compliance-%1.csv</source>
        <translation>conformite-%1.csv</translation>
    </message>
    <message>
        <source>Requirements…</source>
        <translation>Exigences…</translation>
    </message>
    <message>
        <source>Choose which certificates each group requires</source>
        <translation>Choisir les certificats qu&apos;exige chaque groupe</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>Exigences</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Décompte…</translation>
    </message>
</context>
<context>
    <name>ComplianceService</name>
    <message>
        <source>There is no group named &quot;%1&quot;.</source>
        <translation>Il n&apos;existe pas de groupe nommé « %1 ».</translation>
    </message>
    <message>
        <source>There is no certificate template named &quot;%1&quot;.</source>
        <translation>Il n&apos;existe pas de modèle de certificat nommé « %1 ».</translation>
    </message>
    <message>
        <source>Your account is deleted or unknown.</source>
        <translation>Votre compte est supprimé ou inconnu.</translation>
    </message>
    <message>
        <source>Name the group that requires the template.</source>
        <translation>Indiquez le groupe qui exige le modèle.</translation>
    </message>
    <message>
        <source>Name the template the group requires.</source>
        <translation>Indiquez le modèle que le groupe exige.</translation>
    </message>
    <message>
        <source>%1 already requires &quot;%2&quot;.</source>
        <translation>%1 exige déjà « %2 ».</translation>
    </message>
    <message>
        <source>Name the group and the template it requires.</source>
        <translation>Indiquez le groupe et le modèle qu&apos;il exige.</translation>
    </message>
    <message>
        <source>The group does not require this template.</source>
        <translation>Le groupe n&apos;exige pas ce modèle.</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Database connection</source>
        <translation>Connexion à la base de données</translation>
    </message>
    <message>
        <source>Reconnect now</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <source>Reconnect to the database now</source>
        <translation>Se reconnecter à la base de données maintenant</translation>
    </message>
    <message>
        <source>The connection to the database was lost. CertDesk reconnects by itself; what you type is kept.</source>
        <translation>La connexion à la base de données a été perdue. CertDesk se reconnecte tout seul ; ce que vous saisissez est conservé.</translation>
    </message>
    <message>
        <source>Still not connected; next try in 1 second.</source>
        <translation>Toujours pas connecté ; nouvel essai dans 1 seconde.</translation>
    </message>
    <message>
        <source>Still not connected; next try in %1 seconds.</source>
        <translation>Toujours pas connecté ; nouvel essai dans %1 secondes.</translation>
    </message>
    <message>
        <source>Connected again.</source>
        <translation>De nouveau connecté.</translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <source>Your account is deleted or unknown.</source>
        <translation>Votre compte est supprimé ou inconnu.</translation>
    </message>
    <message>
        <source>The CSV file could not be written.</source>
        <translation>Le fichier CSV n&apos;a pas pu être écrit.</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>L&apos;export a été annulé.</translation>
    </message>
</context>
<context>
    <name>CsvExportRun</name>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>Impossible d&apos;écrire %1 : %2.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Exported %1 of %2…</source>
        <translation>%1 sur %2 exportés…</translation>
    </message>
    <message>
        <source>Exported %1…</source>
        <translation>%1 exportés…</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The PostgreSQL driver (QPSQL) is not installed: install libqt6sql6-psql.</source>
        <translation>Le pilote PostgreSQL (QPSQL) n&apos;est pas installé : installez libqt6sql6-psql.</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>Impossible de se connecter à %1 : %2</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>Il n&apos;y a pas de base de données à l&apos;emplacement %1.</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 est un dossier, pas un fichier de base de données.</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1 : %2</translation>
    </message>
    <message>
        <source>%1 is not a CertDesk database (or it is damaged): %2</source>
        <translation>%1 n&apos;est pas une base de données CertDesk (ou elle est endommagée) : %2</translation>
    </message>
    <message>
        <source>%1 is not a CertDesk database (or it is damaged).</source>
        <translation>%1 n&apos;est pas une base de données CertDesk (ou elle est endommagée).</translation>
    </message>
    <message>
        <source>%1 was written by a newer CertDesk (schema version %2; this program knows up to version %3). Install a newer CertDesk to open it; nothing was changed.</source>
        <translation>%1 a été écrite par une version plus récente de CertDesk (version de schéma %2 ; ce programme connaît jusqu&apos;à la version %3). Installez une version plus récente de CertDesk pour l&apos;ouvrir ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Could not prepare the database for its schema: %1</source>
        <translation>Impossible de préparer la base de données pour son schéma : %1</translation>
    </message>
    <message>
        <source>Migration %1 is missing.</source>
        <translation>La migration %1 est manquante.</translation>
    </message>
    <message>
        <source>Schema migration %1 (%2) failed, nothing was changed: %3</source>
        <translation>La migration de schéma %1 (%2) a échoué, rien n&apos;a été modifié : %3</translation>
    </message>
    <message>
        <source>Schema migration %1 could not be recorded: %2</source>
        <translation>La migration de schéma %1 n&apos;a pas pu être enregistrée : %2</translation>
    </message>
    <message>
        <source>unknown database error</source>
        <translation>erreur de base de données inconnue</translation>
    </message>
    <message>
        <source>%1 has an older schema (version %2) than this CertDesk (version %3): ask the database administrator to run &apos;certdesk-cli setup&apos; with this version. Nothing was changed.</source>
        <translation>%1 a un schéma plus ancien (version %2) que ce CertDesk (version %3) : demandez à l&apos;administrateur de la base de données d&apos;exécuter « certdesk-cli setup » avec cette version. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Schema migration %1 (%2) failed: %3</source>
        <translation>La migration de schéma %1 (%2) a échoué : %3</translation>
    </message>
    <message>
        <source>no connection to the server</source>
        <translation>pas de connexion au serveur</translation>
    </message>
    <message>
        <source>%1 was prepared by an older CertDesk: ask the database administrator to run &apos;certdesk-cli setup&apos; with this version. Nothing was changed.</source>
        <translation>%1 a été préparée par une version plus ancienne de CertDesk : demandez à l&apos;administrateur de la base de lancer « certdesk-cli setup » avec cette version. Rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>DatabaseLocation</name>
    <message>
        <source>&quot;%1&quot; is not a database location: give a SQLite file path or a postgresql://user@host:port/dbname URL.</source>
        <translation>« %1 » n&apos;est pas un emplacement de base de données : indiquez le chemin d&apos;un fichier SQLite ou une URL postgresql://user@host:port/dbname.</translation>
    </message>
    <message>
        <source>The PostgreSQL URL &quot;%1&quot; is malformed: %2</source>
        <translation>L&apos;URL PostgreSQL « %1 » est mal formée : %2</translation>
    </message>
    <message>
        <source>The PostgreSQL URL &quot;%1&quot; names no database: add /dbname at the end.</source>
        <translation>L&apos;URL PostgreSQL « %1 » ne désigne aucune base de données : ajoutez /dbname à la fin.</translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>This database already has users: the demo fills only an empty database.</source>
        <translation>Cette base de données a déjà des utilisateurs : la démonstration ne remplit qu&apos;une base de données vide.</translation>
    </message>
</context>
<context>
    <name>DesktopAlerts</name>
    <message numerus="yes">
        <source>At least %n new notifications</source>
        <translation>
            <numerusform>Au moins %n nouvelle notification</numerusform>
            <numerusform>Au moins %n nouvelles notifications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new notifications</source>
        <translation>
            <numerusform>%n nouvelle notification</numerusform>
            <numerusform>%n nouvelles notifications</numerusform>
        </translation>
    </message>
    <message>
        <source>and more</source>
        <translation>et d’autres encore</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>et %n autre</numerusform>
            <numerusform>et %n autres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message>
        <source>Open CertDesk</source>
        <translation>Ouvrir CertDesk</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Show notifications</source>
        <translation>Afficher les notifications</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Examiner</translation>
    </message>
    <message>
        <source>Show certificate</source>
        <translation>Afficher le certificat</translation>
    </message>
    <message numerus="yes">
        <source>CertDesk: %n unread notifications</source>
        <translation>
            <numerusform>CertDesk : %n notification non lue</numerusform>
            <numerusform>CertDesk : %n notifications non lues</numerusform>
        </translation>
    </message>
    <message>
        <source>CertDesk: everything is read</source>
        <translation>CertDesk : tout est lu</translation>
    </message>
</context>
<context>
    <name>DirectoryService</name>
    <message>
        <source>An email address is required.</source>
        <translation>Une adresse e-mail est requise.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address (expected name@example.org).</source>
        <translation>« %1 » n&apos;est pas une adresse e-mail (format attendu : nom@exemple.org).</translation>
    </message>
    <message>
        <source>A name is required.</source>
        <translation>Un nom est requis.</translation>
    </message>
    <message>
        <source>The name is too long: %1 characters, at most %2.</source>
        <translation>Le nom est trop long : %1 caractères, %2 au maximum.</translation>
    </message>
    <message>
        <source>The name contains control characters (such as line breaks): remove them.</source>
        <translation>Le nom contient des caractères de contrôle (comme des sauts de ligne) : supprimez-les.</translation>
    </message>
    <message>
        <source>This database already has users: the first platform admin exists. Ask a platform admin to add you.</source>
        <translation>Cette base de données a déjà des utilisateurs : le premier administrateur de la plateforme existe. Demandez à un administrateur de la plateforme de vous ajouter.</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Could not read the database: %1</source>
        <translation>Impossible de lire la base de données : %1</translation>
    </message>
    <message>
        <source>The email address or the password is wrong.</source>
        <translation>L&apos;adresse e-mail ou le mot de passe est incorrect.</translation>
    </message>
    <message>
        <source>This account has been deleted: it can no longer sign in. Ask an admin to restore it.</source>
        <translation>Ce compte a été supprimé : il ne peut plus se connecter. Demandez à un administrateur de le restaurer.</translation>
    </message>
    <message>
        <source>The platform group is missing.</source>
        <translation>Le groupe de la plateforme est manquant.</translation>
    </message>
    <message>
        <source>A group named &quot;%1&quot; already exists.</source>
        <translation>Un groupe nommé « %1 » existe déjà.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a supported language: use en or fr.</source>
        <translation>« %1 » n&apos;est pas une langue prise en charge : utilisez en ou fr.</translation>
    </message>
    <message>
        <source>A user with the address %1 already exists.</source>
        <translation>Un utilisateur avec l&apos;adresse %1 existe déjà.</translation>
    </message>
    <message>
        <source>%1 is deleted and cannot be a manager.</source>
        <translation>%1 est supprimé et ne peut pas être manager.</translation>
    </message>
    <message>
        <source>%1 is named twice: a user has one role per group.</source>
        <translation>%1 est indiqué deux fois : un utilisateur a un seul rôle par groupe.</translation>
    </message>
    <message>
        <source>Only platform admins can add a user outside any group; name a group you administer with --member GROUP:ROLE.</source>
        <translation>Seuls les administrateurs de la plateforme peuvent ajouter un utilisateur en dehors de tout groupe ; indiquez un groupe que vous administrez avec --member GROUP:ROLE.</translation>
    </message>
    <message>
        <source>%1 is already deleted.</source>
        <translation>%1 est déjà supprimé.</translation>
    </message>
    <message>
        <source>%1 is not deleted.</source>
        <translation>%1 n&apos;est pas supprimé.</translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation>Il n&apos;existe pas d&apos;utilisateur %1.</translation>
    </message>
    <message>
        <source>There is no user with the address %1.</source>
        <translation>Il n&apos;existe pas d&apos;utilisateur avec l&apos;adresse %1.</translation>
    </message>
    <message>
        <source>Your account is deleted or unknown.</source>
        <translation>Votre compte est supprimé ou inconnu.</translation>
    </message>
    <message>
        <source>There is no group named &quot;%1&quot;.</source>
        <translation>Il n&apos;existe pas de groupe nommé « %1 ».</translation>
    </message>
    <message>
        <source>There is no certificate template named &quot;%1&quot;.</source>
        <translation>Il n&apos;existe pas de modèle de certificat nommé « %1 ».</translation>
    </message>
    <message>
        <source>The validity cannot be negative.</source>
        <translation>La validité ne peut pas être négative.</translation>
    </message>
    <message>
        <source>A template named &quot;%1&quot; already exists.</source>
        <translation>Un modèle nommé « %1 » existe déjà.</translation>
    </message>
    <message>
        <source>The password is too short: use at least %1 characters.</source>
        <translation>Le mot de passe est trop court : utilisez au moins %1 caractères.</translation>
    </message>
    <message>
        <source>On this PostgreSQL server every person signs in with their own login: give %1 a first password.</source>
        <translation>Sur ce serveur PostgreSQL, chaque personne se connecte avec son propre identifiant de connexion : donnez un premier mot de passe à %1.</translation>
    </message>
    <message>
        <source>The server already has a login %1: choose another email.</source>
        <translation>Le serveur a déjà une connexion %1 : choisissez une autre adresse e-mail.</translation>
    </message>
    <message>
        <source>Your account is deleted or unknown: your choices cannot change.</source>
        <translation>Votre compte est supprimé ou inconnu : vos choix ne peuvent pas changer.</translation>
    </message>
    <message>
        <source>Your choice could not be saved: %1</source>
        <translation>Votre choix n&apos;a pas pu être enregistré : %1</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Apprenant</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Interne</translation>
    </message>
    <message>
        <source>External</source>
        <translation>Externe</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepté</translation>
    </message>
    <message>
        <source>Pending validation</source>
        <translation>En attente de validation</translation>
    </message>
    <message>
        <source>Validated</source>
        <translation>Validé</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>Expire bientôt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Certificate validation: %1</source>
        <translation>Validation de certificat : %1</translation>
    </message>
    <message>
        <source>Your certificate &quot;%1&quot; was validated</source>
        <translation>Votre certificat « %1 » a été validé</translation>
    </message>
    <message>
        <source>Your certificate &quot;%1&quot; was rejected</source>
        <translation>Votre certificat « %1 » a été refusé</translation>
    </message>
    <message>
        <source>%1 sent the external certificate &quot;%2&quot; for validation.</source>
        <translation>%1 a envoyé le certificat externe « %2 » pour validation.</translation>
    </message>
    <message>
        <source>%1 validated your external certificate &quot;%2&quot;.</source>
        <translation>%1 a validé votre certificat externe « %2 ».</translation>
    </message>
    <message>
        <source>%1 rejected your external certificate &quot;%2&quot;.</source>
        <translation>%1 a refusé votre certificat externe « %2 ».</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Commentaire : %1</translation>
    </message>
    <message>
        <source>CERTDESK_TODAY=&quot;%1&quot; is not a date: give it as YYYY-MM-DD, or unset it.</source>
        <translation>CERTDESK_TODAY=« %1 » n&apos;est pas une date : donnez-la sous la forme AAAA-MM-JJ, ou retirez la variable.</translation>
    </message>
    <message>
        <source>Expires today</source>
        <translation>Expire aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Expires tomorrow</source>
        <translation>Expire demain</translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n days</source>
        <translation>
            <numerusform>Expire dans %n jour</numerusform>
            <numerusform>Expire dans %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Expired yesterday</source>
        <translation>Expiré hier</translation>
    </message>
    <message numerus="yes">
        <source>Expired %n days ago</source>
        <translation>
            <numerusform>Expiré il y a %n jour</numerusform>
            <numerusform>Expiré il y a %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Expired on %1</source>
        <translation>Expiré le %1</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Révoqué</translation>
    </message>
    <message>
        <source>Renewed</source>
        <translation>Renouvelé</translation>
    </message>
    <message>
        <source>Your certificate &quot;%1&quot; was revoked</source>
        <translation>Votre certificat « %1 » a été révoqué</translation>
    </message>
    <message>
        <source>&quot;%1&quot; expires today</source>
        <translation>« %1 » expire aujourd&apos;hui</translation>
    </message>
    <message>
        <source>&quot;%1&quot; expires tomorrow</source>
        <translation>« %1 » expire demain</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; expires in %n days</source>
        <translation>
            <numerusform>« %1 » expire dans %n jour</numerusform>
            <numerusform>« %1 » expire dans %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; of %2 expires today</source>
        <translation>« %1 » de %2 expire aujourd&apos;hui</translation>
    </message>
    <message>
        <source>&quot;%1&quot; of %2 expires tomorrow</source>
        <translation>« %1 » de %2 expire demain</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; of %2 expires in %n days</source>
        <translation>
            <numerusform>« %1 » de %2 expire dans %n jour</numerusform>
            <numerusform>« %1 » de %2 expire dans %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 revoked your external certificate &quot;%2&quot;.</source>
        <translation>%1 a révoqué votre certificat externe « %2 ».</translation>
    </message>
    <message>
        <source>Your external certificate &quot;%1&quot; expires today: renew it.</source>
        <translation>Votre certificat externe « %1 » expire aujourd&apos;hui : renouvelez-le.</translation>
    </message>
    <message>
        <source>Your external certificate &quot;%1&quot; expires tomorrow: renew it in time.</source>
        <translation>Votre certificat externe « %1 » expire demain : renouvelez-le à temps.</translation>
    </message>
    <message numerus="yes">
        <source>Your external certificate &quot;%1&quot; expires in %n days: renew it in time.</source>
        <translation>
            <numerusform>Votre certificat externe « %1 » expire dans %n jour : renouvelez-le à temps.</numerusform>
            <numerusform>Votre certificat externe « %1 » expire dans %n jours : renouvelez-le à temps.</numerusform>
        </translation>
    </message>
    <message>
        <source>The external certificate &quot;%1&quot; of %2 expires today.</source>
        <translation>Le certificat externe « %1 » de %2 expire aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>The external certificate &quot;%1&quot; of %2 expires tomorrow.</source>
        <translation>Le certificat externe « %1 » de %2 expire demain.</translation>
    </message>
    <message numerus="yes">
        <source>The external certificate &quot;%1&quot; of %2 expires in %n days.</source>
        <translation>
            <numerusform>Le certificat externe « %1 » de %2 expire dans %n jour.</numerusform>
            <numerusform>Le certificat externe « %1 » de %2 expire dans %n jours.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motif : %1</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valides</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Expirent bientôt</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
</context>
<context>
    <name>DropOverlay</name>
    <message>
        <source>Drop to import</source>
        <translation>Déposer pour importer</translation>
    </message>
    <message>
        <source>Drop files to import</source>
        <translation>Déposez des fichiers pour les importer</translation>
    </message>
    <message>
        <source>Only PDF files can be imported</source>
        <translation>Seuls les fichiers PDF peuvent être importés</translation>
    </message>
    <message>
        <source>Save or scan the certificate as a PDF, then drop it here.</source>
        <translation>Enregistrez ou numérisez le certificat en PDF, puis déposez-le ici.</translation>
    </message>
    <message>
        <source>Each PDF becomes one certificate.</source>
        <translation>Chaque PDF devient un certificat.</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <source>Drop zone for the certificate PDF</source>
        <translation>Zone de dépôt du PDF du certificat</translation>
    </message>
    <message>
        <source>Drop a PDF here</source>
        <translation>Déposez un PDF ici</translation>
    </message>
    <message>
        <source>or</source>
        <translation>ou</translation>
    </message>
    <message>
        <source>Release to use this PDF</source>
        <translation>Relâchez pour utiliser ce PDF</translation>
    </message>
    <message>
        <source>Only PDF files can be imported</source>
        <translation>Seuls les fichiers PDF peuvent être importés</translation>
    </message>
    <message>
        <source>Save or scan the certificate as a PDF.</source>
        <translation>Enregistrez ou numérisez le certificat en PDF.</translation>
    </message>
</context>
<context>
    <name>FailedEmailListModel</name>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Dernière tentative</translation>
    </message>
</context>
<context>
    <name>FailedEmailsDialog</name>
    <message>
        <source>Emails that could not be sent</source>
        <translation>E-mails qui n&apos;ont pas pu être envoyés</translation>
    </message>
    <message>
        <source>These emails were given up: the mail server refused them, or could not be reached for too long. Put right what the last error says (Settings → Email), then select them and choose “Send again”.</source>
        <translation>L&apos;envoi de ces e-mails a été abandonné : le serveur de messagerie les a refusés, ou est resté injoignable trop longtemps. Corrigez ce qu&apos;indique la dernière erreur (Paramètres → E-mail), puis sélectionnez-les et choisissez « Renvoyer ».</translation>
    </message>
    <message>
        <source>Failed emails</source>
        <translation>E-mails en échec</translation>
    </message>
    <message>
        <source>No failed emails: every email was sent or is on its way.</source>
        <translation>Aucun e-mail en échec : chaque e-mail a été envoyé ou est en cours d&apos;envoi.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Read the failed emails again</source>
        <translation>Relire les e-mails en échec</translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation>&amp;Renvoyer</translation>
    </message>
    <message>
        <source>Send the selected emails again</source>
        <translation>Renvoyer les e-mails sélectionnés</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Mail server: %1</source>
        <translation>Serveur de messagerie : %1</translation>
    </message>
    <message>
        <source>The failed emails could not be read: %1</source>
        <translation>Impossible de lire les e-mails en échec : %1</translation>
    </message>
    <message>
        <source>To %1, “%2”: %3</source>
        <translation>À %1, « %2 » : %3</translation>
    </message>
    <message>
        <source>To %1: %2</source>
        <translation>À %1 : %2</translation>
    </message>
    <message>
        <source>An email could not be queued again. %1</source>
        <translation>Un e-mail n&apos;a pas pu être remis en file d&apos;envoi. %1</translation>
    </message>
    <message>
        <source>%1 emails could not be queued again. %2</source>
        <translation>%1 e-mails n&apos;ont pas pu être remis en file d&apos;envoi. %2</translation>
    </message>
    <message>
        <source>1 email is queued again.</source>
        <translation>1 e-mail est de nouveau en file d&apos;envoi.</translation>
    </message>
    <message>
        <source>%1 emails are queued again.</source>
        <translation>%1 e-mails sont de nouveau en file d&apos;envoi.</translation>
    </message>
    <message>
        <source>CertDesk is sending now.</source>
        <translation>CertDesk les envoie maintenant.</translation>
    </message>
    <message>
        <source>The mail relay sends them on its next round.</source>
        <translation>Le relais de messagerie les enverra lors de son prochain passage.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message>
        <source>1 email could not be sent.</source>
        <translation>1 e-mail n’a pas pu être envoyé.</translation>
    </message>
    <message>
        <source>%1 emails could not be sent.</source>
        <translation>%1 e-mails n’ont pas pu être envoyés.</translation>
    </message>
</context>
<context>
    <name>FolderTransport</name>
    <message>
        <source>Emails cannot be written into the mail folder %1 (mail.folder): %2</source>
        <translation>Impossible d’écrire les e-mails dans le dossier de courrier %1 (mail.folder) : %2</translation>
    </message>
    <message>
        <source>it is a file, not a folder.</source>
        <translation>c’est un fichier, pas un dossier.</translation>
    </message>
    <message>
        <source>the folder does not exist and cannot be made.</source>
        <translation>le dossier n’existe pas et ne peut pas être créé.</translation>
    </message>
</context>
<context>
    <name>GeneratedCertificates</name>
    <message>
        <source>The PDF is a receipt, not the certificate: please upload the certificate itself.</source>
        <translation>Le PDF est un reçu, pas le certificat : veuillez téléverser le certificat lui-même.</translation>
    </message>
    <message>
        <source>The holder name does not match: please upload your own certificate.</source>
        <translation>Le nom du titulaire ne correspond pas : veuillez téléverser votre propre certificat.</translation>
    </message>
    <message>
        <source>The dates on the PDF are not the ones given.</source>
        <translation>Les dates du PDF ne sont pas celles indiquées.</translation>
    </message>
    <message>
        <source>The certificate number is not in the issuer&apos;s verification tool.</source>
        <translation>Le numéro du certificat ne figure pas dans l’outil de vérification de l’émetteur.</translation>
    </message>
    <message>
        <source>Checked.</source>
        <translation>Vérifié.</translation>
    </message>
</context>
<context>
    <name>Generator</name>
    <message>
        <source>This database is not empty (it has users, groups, templates or certificates): generate fills only an empty database; nothing was written.</source>
        <translation>Cette base n’est pas vide (elle a des utilisateurs, groupes, modèles ou certificats) : generate ne remplit qu’une base vide ; rien n’a été écrit.</translation>
    </message>
    <message>
        <source>generate failed after %1 certificates: %2</source>
        <translation>generate a échoué après %1 certificats : %2</translation>
    </message>
    <message>
        <source>Sample Holder</source>
        <translation>Titulaire Exemple</translation>
    </message>
    <message>
        <source>the sample PDFs could not be rendered (no fonts?).</source>
        <translation>les PDF d’exemple n’ont pas pu être dessinés (pas de polices ?).</translation>
    </message>
    <message>
        <source>Generated template (%1)</source>
        <translation>Modèle généré (%1)</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>generate: %1 of %2 certificates, %3 s</source>
        <translation>generate : %1 certificats sur %2, %3 s</translation>
    </message>
    <message>
        <source>generate: %1 people in %2 groups planned</source>
        <translation>generate : %1 personnes dans %2 groupes prévus</translation>
    </message>
    <message>
        <source>generate: %1 of %2 people</source>
        <translation>generate : %1 personnes sur %2</translation>
    </message>
</context>
<context>
    <name>GeneratorLogins</name>
    <message>
        <source>On a server prepared by setup, generate runs as the database administrator (a superuser, as for setup): it creates every generated person&apos;s login.</source>
        <translation>Sur un serveur préparé par setup, generate s’exécute en tant qu’administrateur de la base (un superutilisateur, comme pour setup) : il crée l’identifiant de chaque personne générée.</translation>
    </message>
    <message>
        <source>The server already has %1 of the generated people&apos;s logins (%2, from another database?): prepare this database with setup --login-prefix, or drop those logins; nothing was written.</source>
        <translation>Le serveur a déjà %1 des identifiants des personnes générées (%2, d’une autre base ?) : préparez cette base avec setup --login-prefix, ou supprimez ces identifiants ; rien n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Name: “%1” → “%2”</source>
        <translation>Nom : « %1 » → « %2 »</translation>
    </message>
    <message>
        <source>Delivery date: %1 → %2</source>
        <translation>Date de délivrance : %1 → %2</translation>
    </message>
    <message>
        <source>Expiration date: %1 → %2</source>
        <translation>Date d&apos;expiration : %1 → %2</translation>
    </message>
    <message>
        <source>Equivalent to “%1”</source>
        <translation>Équivalent à « %1 »</translation>
    </message>
    <message>
        <source>template %1</source>
        <translation>modèle %1</translation>
    </message>
    <message>
        <source>Equivalence removed</source>
        <translation>Équivalence supprimée</translation>
    </message>
    <message>
        <source>New PDF file</source>
        <translation>Nouveau fichier PDF</translation>
    </message>
    <message>
        <source>Sent for validation</source>
        <translation>Envoyé pour validation</translation>
    </message>
    <message>
        <source>Accepted without validation</source>
        <translation>Accepté sans validation</translation>
    </message>
    <message>
        <source>Certificate history</source>
        <translation>Historique du certificat</translation>
    </message>
    <message>
        <source>Nothing has happened to this certificate yet.</source>
        <translation>Il ne s&apos;est encore rien passé pour ce certificat.</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>L&apos;historique n&apos;a pas pu être lu : %1</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>quelqu&apos;un</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>« %1 »</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Choose a date</source>
        <translation>Choisir une date</translation>
    </message>
    <message>
        <source>Correct and send again</source>
        <translation>Corriger et renvoyer</translation>
    </message>
    <message>
        <source>Import certificate</source>
        <translation>Importer un certificat</translation>
    </message>
    <message>
        <source>Import certificate for %1</source>
        <translation>Importer un certificat pour %1</translation>
    </message>
    <message>
        <source>Drop to use this PDF</source>
        <translation>Déposez pour utiliser ce PDF</translation>
    </message>
    <message>
        <source>%1&apos;s account is deleted; the certificate still goes to their results.</source>
        <translation>Le compte de %1 est supprimé ; le certificat est tout de même ajouté à ses résultats.</translation>
    </message>
    <message>
        <source>When you send it, a reviewer checks the certificate; until then it shows as pending validation.</source>
        <translation>Lorsque vous l&apos;envoyez, un valideur vérifie le certificat ; d&apos;ici là, il apparaît comme en attente de validation.</translation>
    </message>
    <message>
        <source>The certificate is added to the results as soon as you save it.</source>
        <translation>Le certificat est ajouté aux résultats dès que vous l&apos;enregistrez.</translation>
    </message>
    <message>
        <source>“%1” was rejected. Correct what the reviewer asks for; the PDF stays unless you select or drop another one.</source>
        <translation>« %1 » a été refusé. Corrigez ce que demande le valideur ; le PDF est conservé, sauf si vous en sélectionnez ou en déposez un autre.</translation>
    </message>
    <message>
        <source>“%1” of %2 was rejected. Correct what the reviewer asks for; the PDF stays unless you select or drop another one.</source>
        <translation>« %1 » de %2 a été refusé. Corrigez ce que demande le valideur ; le PDF est conservé, sauf si vous en sélectionnez ou en déposez un autre.</translation>
    </message>
    <message>
        <source>When you send it, a reviewer checks it again.</source>
        <translation>Lorsque vous l&apos;envoyez, un valideur le vérifie à nouveau.</translation>
    </message>
    <message>
        <source>It is accepted as soon as you save it.</source>
        <translation>Il est accepté dès que vous l&apos;enregistrez.</translation>
    </message>
    <message>
        <source>Reviewer’s comment: “%1”</source>
        <translation>Commentaire du valideur : « %1 »</translation>
    </message>
    <message>
        <source>Certificate name</source>
        <translation>Nom du certificat</translation>
    </message>
    <message>
        <source>As printed on the certificate</source>
        <translation>Tel qu&apos;imprimé sur le certificat</translation>
    </message>
    <message>
        <source>Certificate &amp;name</source>
        <translation>&amp;Nom du certificat</translation>
    </message>
    <message>
        <source>&amp;Select a file…</source>
        <translation>&amp;Sélectionner un fichier…</translation>
    </message>
    <message>
        <source>Select a PDF file</source>
        <translation>Sélectionner un fichier PDF</translation>
    </message>
    <message>
        <source>&amp;Keep the current PDF</source>
        <translation>&amp;Garder le PDF actuel</translation>
    </message>
    <message>
        <source>Keep the current PDF</source>
        <translation>Garder le PDF actuel</translation>
    </message>
    <message>
        <source>Choose the certificate PDF (%1)</source>
        <translation>Choisissez le PDF du certificat (%1)</translation>
    </message>
    <message>
        <source>Delivery date</source>
        <translation>Date de délivrance</translation>
    </message>
    <message>
        <source>The date printed on the certificate</source>
        <translation>La date imprimée sur le certificat</translation>
    </message>
    <message>
        <source>&amp;Expires</source>
        <translation>&amp;Expire</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <source>Tick when the certificate has an expiration date</source>
        <translation>Cochez si le certificat a une date d&apos;expiration</translation>
    </message>
    <message>
        <source>Expiration date</source>
        <translation>Date d&apos;expiration</translation>
    </message>
    <message>
        <source>Does not expire</source>
        <translation>N&apos;expire pas</translation>
    </message>
    <message>
        <source>&amp;Delivery date</source>
        <translation>&amp;Date de délivrance</translation>
    </message>
    <message>
        <source>Associate a certificate</source>
        <translation>Associer un certificat</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>None — type to search</source>
        <translation>Aucun — tapez pour rechercher</translation>
    </message>
    <message>
        <source>The internal certificate this one is equivalent to, if any</source>
        <translation>Le certificat interne auquel celui-ci équivaut, le cas échéant</translation>
    </message>
    <message>
        <source>&amp;Associate a certificate</source>
        <translation>&amp;Associer un certificat</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Crédits</translation>
    </message>
    <message>
        <source>&amp;Credits</source>
        <translation>&amp;Crédits</translation>
    </message>
    <message>
        <source>Stop importing</source>
        <translation>Arrêter l&apos;import</translation>
    </message>
    <message>
        <source>Stop importing the remaining files</source>
        <translation>Arrêter d&apos;importer les fichiers restants</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>“%1” cannot be used. %2</source>
        <translation>« %1 » ne peut pas être utilisé. %2</translation>
    </message>
    <message>
        <source>The current PDF is kept.</source>
        <translation>Le PDF actuel est conservé.</translation>
    </message>
    <message>
        <source>Drop a PDF here</source>
        <translation>Déposez un PDF ici</translation>
    </message>
    <message>
        <source>or</source>
        <translation>ou</translation>
    </message>
    <message>
        <source>“%1” cannot be imported. %2</source>
        <translation>« %1 » ne peut pas être importé. %2</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 page</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <source>%1 · %2 — drop another PDF to replace it</source>
        <translation>%1 · %2 — déposez un autre PDF pour le remplacer</translation>
    </message>
    <message>
        <source>File %1 of %2.</source>
        <translation>Fichier %1 sur %2.</translation>
    </message>
    <message>
        <source>Skip this file</source>
        <translation>Ignorer ce fichier</translation>
    </message>
    <message>
        <source>Select the certificate PDF</source>
        <translation>Sélectionner le PDF du certificat</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>One certificate per import: only “%1” was taken. Import the other files one at a time.</source>
        <translation>Un certificat par import : seul « %1 » a été pris. Importez les autres fichiers un par un.</translation>
    </message>
    <message>
        <source>Give the expiration date, or untick Expires.</source>
        <translation>Indiquez la date d&apos;expiration, ou décochez Expire.</translation>
    </message>
    <message>
        <source>No certificate is named “%1”: choose one from the list, or None.</source>
        <translation>Aucun certificat ne s&apos;appelle « %1 » : choisissez-en un dans la liste, ou Aucun.</translation>
    </message>
    <message>
        <source>Choose the certificate PDF.</source>
        <translation>Choisissez le PDF du certificat.</translation>
    </message>
    <message>
        <source>The current PDF</source>
        <translation>Le PDF actuel</translation>
    </message>
    <message>
        <source>Kept as it is — select or drop another PDF to replace it</source>
        <translation>Conservé tel quel — sélectionnez ou déposez un autre PDF pour le remplacer</translation>
    </message>
    <message>
        <source>Connected again. Press Save to save what you typed.</source>
        <translation>De nouveau connecté. Appuyez sur Enregistrer pour enregistrer ce que vous avez saisi.</translation>
    </message>
    <message>
        <source>The connection to the database was lost, so this was not saved. What you typed is kept: press Save again once CertDesk is connected again.</source>
        <translation>La connexion à la base de données a été perdue : rien n&apos;a été enregistré. Ce que vous avez saisi est conservé : appuyez de nouveau sur Enregistrer une fois CertDesk reconnecté.</translation>
    </message>
    <message>
        <source>Wait until the PDF is checked.</source>
        <translation>Attendez la fin de la vérification du PDF.</translation>
    </message>
    <message>
        <source>Checking the PDF</source>
        <translation>Vérification du PDF</translation>
    </message>
    <message>
        <source>S&amp;top checking</source>
        <translation>Arrê&amp;ter la vérification</translation>
    </message>
    <message>
        <source>Checking “%1” was stopped; “%2” stays selected.</source>
        <translation>La vérification de « %1 » a été arrêtée ; « %2 » reste sélectionné.</translation>
    </message>
    <message>
        <source>Checking “%1”…</source>
        <translation>Vérification de « %1 »…</translation>
    </message>
    <message>
        <source>Reading it safely, apart from CertDesk</source>
        <translation>Lecture sécurisée, à part de CertDesk</translation>
    </message>
    <message>
        <source>Checking “%1” was stopped: choose it again, or another file.</source>
        <translation>La vérification de « %1 » a été arrêtée : choisissez-le à nouveau, ou un autre fichier.</translation>
    </message>
    <message>
        <source>%1. The repaired copy is saved; reviewers see that it was repaired.</source>
        <translation>%1. La copie réparée est enregistrée ; les valideurs voient qu&apos;elle a été réparée.</translation>
    </message>
    <message>
        <source>Renew “%1”</source>
        <translation>Renouveler « %1 »</translation>
    </message>
    <message>
        <source>The new certificate replaces “%1” once it is accepted.</source>
        <translation>Le nouveau certificat remplace « %1 » dès qu&apos;il est accepté.</translation>
    </message>
    <message>
        <source>The new certificate replaces “%1” (expires %2) once it is accepted.</source>
        <translation>Le nouveau certificat remplace « %1 » (expire le %2) dès qu&apos;il est accepté.</translation>
    </message>
    <message>
        <source>The new certificate of %1 replaces “%2” once it is accepted.</source>
        <translation>Le nouveau certificat de %1 remplace « %2 » dès qu&apos;il est accepté.</translation>
    </message>
    <message>
        <source>The new certificate of %1 replaces “%2” (expires %3) once it is accepted.</source>
        <translation>Le nouveau certificat de %1 remplace « %2 » (expire le %3) dès qu&apos;il est accepté.</translation>
    </message>
    <message>
        <source>Read from the PDF</source>
        <translation>Lu dans le PDF</translation>
    </message>
    <message>
        <source>Filled in from the certificate’s text: check it against the PDF, and change it if it is wrong.</source>
        <translation>Rempli à partir du texte du certificat : vérifiez-le dans le PDF et corrigez-le s&apos;il est faux.</translation>
    </message>
    <message>
        <source>The PDF says %1: %2 or %3?</source>
        <translation>Le PDF indique %1 : %2 ou %3 ?</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>Utiliser %1</translation>
    </message>
    <message>
        <source>Read from the PDF, issued by %1</source>
        <translation>Lu dans le PDF, délivré par %1</translation>
    </message>
    <message>
        <source>Certificate file and details</source>
        <translation>Fichier et détails du certificat</translation>
    </message>
</context>
<context>
    <name>LocationDialog</name>
    <message>
        <source>Choose the database</source>
        <translation>Choisir la base de données</translation>
    </message>
    <message>
        <source>Database location</source>
        <translation>Emplacement de la base de données</translation>
    </message>
    <message>
        <source>/path/to/team.sqlite or postgresql://…</source>
        <translation>/chemin/vers/equipe.sqlite ou postgresql://…</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Browse for a SQLite file</source>
        <translation>Parcourir pour choisir un fichier SQLite</translation>
    </message>
    <message>
        <source>Location error</source>
        <translation>Erreur d&apos;emplacement</translation>
    </message>
    <message>
        <source>Open a CertDesk database</source>
        <translation>Ouvrir une base de données CertDesk</translation>
    </message>
    <message>
        <source>CertDesk databases (*.sqlite *.sqlite3 *.db);;All files (*)</source>
        <translation>Bases de données CertDesk (*.sqlite *.sqlite3 *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>A SQLite file on this computer, or a shared PostgreSQL server as postgresql://host:port/dbname (or fill in the server below).</source>
        <translation>Un fichier SQLite sur cet ordinateur, ou un serveur PostgreSQL partagé sous la forme postgresql://hôte:port/base (ou renseignez le serveur ci-dessous).</translation>
    </message>
    <message>
        <source>Shared PostgreSQL server</source>
        <translation>Serveur PostgreSQL partagé</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>db.example.org</source>
        <translation>db.example.org</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port :</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données :</translation>
    </message>
    <message>
        <source>Your login and password are asked when you sign in.</source>
        <translation>Votre identifiant et votre mot de passe vous sont demandés à la connexion.</translation>
    </message>
</context>
<context>
    <name>MailBanner</name>
    <message>
        <source>Email problems</source>
        <translation>Problèmes d&apos;e-mail</translation>
    </message>
    <message>
        <source>Show failed emails</source>
        <translation>Afficher les e-mails en échec</translation>
    </message>
    <message>
        <source>Show the emails that could not be sent</source>
        <translation>Afficher les e-mails qui n&apos;ont pas pu être envoyés</translation>
    </message>
    <message>
        <source>Email settings</source>
        <translation>Paramètres d&apos;e-mail</translation>
    </message>
    <message>
        <source>Open the Email settings</source>
        <translation>Ouvrir les paramètres d&apos;e-mail</translation>
    </message>
    <message>
        <source>1 email could not be sent.</source>
        <translation>1 e-mail n&apos;a pas pu être envoyé.</translation>
    </message>
    <message>
        <source>%1 emails could not be sent.</source>
        <translation>%1 e-mails n&apos;ont pas pu être envoyés.</translation>
    </message>
    <message>
        <source>1 email is waiting to be sent.</source>
        <translation>1 e-mail attend d&apos;être envoyé.</translation>
    </message>
    <message>
        <source>%1 emails are waiting to be sent.</source>
        <translation>%1 e-mails attendent d&apos;être envoyés.</translation>
    </message>
    <message>
        <source>Email is not set up yet.</source>
        <translation>L’e-mail n’est pas encore configuré.</translation>
    </message>
    <message>
        <source>Email notice</source>
        <translation>Information sur l’e-mail</translation>
    </message>
</context>
<context>
    <name>MailOutbox</name>
    <message>
        <source>Only platform admins see and retry the outbox&apos;s emails.</source>
        <translation>Seuls les administrateurs de la plateforme voient les e-mails de la file d&apos;envoi et peuvent en relancer l&apos;envoi.</translation>
    </message>
    <message>
        <source>There is no email %1.</source>
        <translation>Il n&apos;y a pas d&apos;e-mail %1.</translation>
    </message>
    <message>
        <source>Email %1 was already sent: there is nothing to retry.</source>
        <translation>L&apos;e-mail %1 a déjà été envoyé : il n&apos;y a rien à relancer.</translation>
    </message>
    <message>
        <source>Email %1 is still waiting to be sent: there is nothing to retry.</source>
        <translation>L&apos;e-mail %1 attend toujours d&apos;être envoyé : il n&apos;y a rien à relancer.</translation>
    </message>
    <message>
        <source>Email %1 changed meanwhile (someone else retried it): nothing was done.</source>
        <translation>L&apos;e-mail %1 a changé entre-temps (quelqu&apos;un d&apos;autre a relancé son envoi) : rien n&apos;a été fait.</translation>
    </message>
    <message>
        <source>The email could not be queued again: %1</source>
        <translation>L&apos;e-mail n&apos;a pas pu être remis dans la file d&apos;envoi : %1</translation>
    </message>
</context>
<context>
    <name>MailSecret</name>
    <message>
        <source>The mail key in %1 is not a key: it must be %2 random bytes in base64 (44 characters).</source>
        <translation>La clé de messagerie dans %1 n&apos;est pas une clé : elle doit comporter %2 octets aléatoires en base64 (44 caractères).</translation>
    </message>
    <message>
        <source>The cryptography library could not start.</source>
        <translation>La bibliothèque de cryptographie n&apos;a pas pu démarrer.</translation>
    </message>
    <message>
        <source>The mail key %1 can be read by other users: make it private (chmod 600 %1).</source>
        <translation>La clé de messagerie %1 est lisible par d&apos;autres utilisateurs : rendez-la privée (chmod 600 %1).</translation>
    </message>
    <message>
        <source>The mail key %1 cannot be read: %2</source>
        <translation>La clé de messagerie %1 ne peut pas être lue : %2</translation>
    </message>
    <message>
        <source>There is no mail key on this machine (neither $%1 nor the file %2).</source>
        <translation>Il n&apos;y a pas de clé de messagerie sur cette machine (ni $%1 ni le fichier %2).</translation>
    </message>
    <message>
        <source>Could not create the folder for the mail key %1.</source>
        <translation>Impossible de créer le dossier de la clé de messagerie %1.</translation>
    </message>
    <message>
        <source>Could not create the mail key %1: %2</source>
        <translation>Impossible de créer la clé de messagerie %1 : %2</translation>
    </message>
    <message>
        <source>Could not write the mail key %1.</source>
        <translation>Impossible d&apos;écrire la clé de messagerie %1.</translation>
    </message>
    <message>
        <source>The stored SMTP password is not in a form this program knows: set mail.password again.</source>
        <translation>Le mot de passe SMTP enregistré n&apos;est pas dans un format connu de ce programme : définissez à nouveau mail.password.</translation>
    </message>
    <message>
        <source>The SMTP password is encrypted with mail key %1, which this machine does not have: give it that key ($%2 or the file %3) or set mail.password again from here.</source>
        <translation>Le mot de passe SMTP est chiffré avec la clé de messagerie %1, que cette machine ne possède pas : fournissez-lui cette clé ($%2 ou le fichier %3) ou définissez à nouveau mail.password depuis cette machine.</translation>
    </message>
    <message>
        <source>The SMTP password is encrypted with mail key %1, but this machine&apos;s key (%2, from %3) is another: give it the same key or set mail.password again from here.</source>
        <translation>Le mot de passe SMTP est chiffré avec la clé de messagerie %1, mais la clé de cette machine (%2, provenant de %3) est différente : fournissez-lui la même clé ou définissez à nouveau mail.password depuis cette machine.</translation>
    </message>
    <message>
        <source>The stored SMTP password cannot be decrypted (it was damaged or altered): set mail.password again.</source>
        <translation>Le mot de passe SMTP enregistré ne peut pas être déchiffré (il a été endommagé ou modifié) : définissez à nouveau mail.password.</translation>
    </message>
</context>
<context>
    <name>MailSettings</name>
    <message>
        <source>SMTP server for outgoing email (empty: email waits in the outbox)</source>
        <translation>Serveur SMTP pour les e-mails sortants (vide : les e-mails attendent dans la file d&apos;envoi)</translation>
    </message>
    <message>
        <source>SMTP server port (587 for starttls, 465 for smtps, 25 for none)</source>
        <translation>Port du serveur SMTP (587 pour starttls, 465 pour smtps, 25 pour none)</translation>
    </message>
    <message>
        <source>SMTP connection security: none, starttls or smtps</source>
        <translation>Sécurité de la connexion SMTP : none, starttls ou smtps</translation>
    </message>
    <message>
        <source>SMTP login name (empty: no login)</source>
        <translation>Identifiant de connexion SMTP (vide : pas d&apos;authentification)</translation>
    </message>
    <message>
        <source>SMTP password (stored encrypted; shown as set or not set)</source>
        <translation>Mot de passe SMTP (stocké chiffré ; affiché comme défini ou non défini)</translation>
    </message>
    <message>
        <source>Sender of CertDesk&apos;s email, e.g. CertDesk &lt;noreply@example.org&gt;</source>
        <translation>Expéditeur des e-mails de CertDesk, p. ex. CertDesk &lt;noreply@example.org&gt;</translation>
    </message>
    <message>
        <source>Hours after which an email that still fails is given up</source>
        <translation>Nombre d&apos;heures après lequel on abandonne un e-mail qui échoue toujours</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name: give the SMTP server&apos;s name or address, such as smtp.example.org.</source>
        <translation>« %1 » n&apos;est pas un nom d&apos;hôte : indiquez le nom ou l&apos;adresse du serveur SMTP, par exemple smtp.example.org.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port: give a number from 1 to 65535 (587 for starttls, 465 for smtps).</source>
        <translation>« %1 » n&apos;est pas un port : indiquez un nombre de 1 à 65535 (587 pour starttls, 465 pour smtps).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a connection security: use none, starttls or smtps.</source>
        <translation>« %1 » n&apos;est pas une sécurité de connexion : utilisez none, starttls ou smtps.</translation>
    </message>
    <message>
        <source>The SMTP login name contains control characters: remove them.</source>
        <translation>L&apos;identifiant de connexion SMTP contient des caractères de contrôle : supprimez-les.</translation>
    </message>
    <message>
        <source>The SMTP password contains control characters (such as a line break): type it alone.</source>
        <translation>Le mot de passe SMTP contient des caractères de contrôle (comme un saut de ligne) : saisissez-le seul.</translation>
    </message>
    <message>
        <source>The SMTP password was not saved: %1</source>
        <translation>Le mot de passe SMTP n&apos;a pas été enregistré : %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a sender: give an address such as noreply@example.org, or a name and an address such as CertDesk &lt;noreply@example.org&gt;.</source>
        <translation>« %1 » n&apos;est pas un expéditeur : indiquez une adresse telle que noreply@example.org, ou un nom et une adresse tels que CertDesk &lt;noreply@example.org&gt;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number of hours: give a whole number from 1 to %2.</source>
        <translation>« %1 » n&apos;est pas un nombre d&apos;heures : indiquez un nombre entier de 1 à %2.</translation>
    </message>
    <message>
        <source>Unknown mail setting &quot;%1&quot;.</source>
        <translation>Paramètre de messagerie inconnu : « %1 ».</translation>
    </message>
    <message>
        <source>The stored SMTP password is not sealed.</source>
        <translation>Le mot de passe SMTP enregistré n&apos;est pas scellé.</translation>
    </message>
    <message>
        <source>Email is not configured: a platform admin sets mail.from, the sender address; until then emails wait in the outbox.</source>
        <translation>L&apos;e-mail n&apos;est pas configuré : un administrateur de la plateforme définit mail.from, l&apos;adresse de l&apos;expéditeur ; en attendant, les e-mails restent dans la file d&apos;envoi.</translation>
    </message>
    <message>
        <source>The SMTP login would be sent unencrypted to %1: set mail.security to starttls or smtps (emails wait in the outbox meanwhile).</source>
        <translation>L&apos;identifiant de connexion SMTP serait envoyé en clair à %1 : réglez mail.security sur starttls ou smtps (en attendant, les e-mails restent dans la file d&apos;envoi).</translation>
    </message>
    <message>
        <source>How email goes out: smtp (through the SMTP server) or folder (each email written as an .eml file into mail.folder)</source>
        <translation>Comment partent les e-mails : smtp (par le serveur SMTP) ou folder (chaque e-mail écrit en fichier .eml dans mail.folder)</translation>
    </message>
    <message>
        <source>Folder that receives each email as an .eml file with the folder transport (an absolute path)</source>
        <translation>Dossier qui reçoit chaque e-mail en fichier .eml avec le transport folder (un chemin absolu)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email transport: use smtp (send through the SMTP server) or folder (write each email into mail.folder).</source>
        <translation>« %1 » n’est pas un transport d’e-mail : utilisez smtp (envoi par le serveur SMTP) ou folder (chaque e-mail écrit dans mail.folder).</translation>
    </message>
    <message>
        <source>The mail folder contains control characters: remove them.</source>
        <translation>Le dossier de courrier contient des caractères de contrôle : supprimez-les.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an absolute path: give the whole path of the mail folder, such as /var/spool/certdesk-mail.</source>
        <translation>« %1 » n’est pas un chemin absolu : indiquez le chemin complet du dossier de courrier, par exemple /var/spool/certdesk-mail.</translation>
    </message>
    <message>
        <source>Email is not configured: mail.transport is folder, and a platform admin sets mail.folder, the folder that receives the emails, in Settings; until then emails wait in the outbox.</source>
        <translation>L’e-mail n’est pas configuré : mail.transport vaut folder, et un administrateur de la plateforme définit mail.folder, le dossier qui reçoit les e-mails, dans les Paramètres ; en attendant, les e-mails restent dans la file d’envoi.</translation>
    </message>
    <message>
        <source>Email is not configured: a platform admin sets mail.host (and mail.from) in Settings, or chooses the folder transport; until then emails wait in the outbox.</source>
        <translation>L’e-mail n’est pas configuré : un administrateur de la plateforme définit mail.host (et mail.from) dans les Paramètres, ou choisit le transport folder ; en attendant, les e-mails restent dans la file d’envoi.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CertDesk — %1</source>
        <translation>CertDesk — %1</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>CertDesk</source>
        <translation>CertDesk</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Profile menu of %1</source>
        <translation>Menu du profil de %1</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Connecté en tant que %1 (%2)</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Connecté en tant que %1</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n non lue</numerusform>
            <numerusform>%1, %n non lues</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Email me reminders before expiry</source>
        <translation>&amp;M&apos;envoyer par e-mail les rappels avant expiration</translation>
    </message>
    <message>
        <source>Reminders before a certificate expires always show in the app; on, they come by email too.</source>
        <translation>Les rappels avant l&apos;expiration d&apos;un certificat s&apos;affichent toujours dans l&apos;application ; activé, ils arrivent aussi par e-mail.</translation>
    </message>
    <message>
        <source>Reminder emails</source>
        <translation>Rappels par e-mail</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>Conformité</translation>
    </message>
    <message>
        <source>Show &amp;desktop notifications</source>
        <translation>Afficher les notifications sur le &amp;bureau</translation>
    </message>
    <message>
        <source>New validation tasks, outcomes and reminders pop up on the desktop while CertDesk runs, and a tray icon counts what is unread.</source>
        <translation>Les nouvelles tâches de validation, les décisions et les rappels s’affichent sur le bureau pendant que CertDesk est ouvert, et une icône de la zone de notification compte ce qui n’est pas lu.</translation>
    </message>
</context>
<context>
    <name>NotificationListModel</name>
    <message>
        <source>Unread: %1</source>
        <translation>Non lue : %1</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Notification</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçue</translation>
    </message>
</context>
<context>
    <name>NotificationService</name>
    <message>
        <source>There is no user %1 to notify.</source>
        <translation>Il n&apos;y a pas d&apos;utilisateur %1 à notifier.</translation>
    </message>
    <message>
        <source>Open CertDesk, then Notifications &gt; Certificate Validation, to review it.</source>
        <translation>Ouvrez CertDesk, puis Notifications &gt; Validation de certificat, pour l&apos;examiner.</translation>
    </message>
    <message>
        <source>Open CertDesk, then Results, to see it.</source>
        <translation>Ouvrez CertDesk, puis Résultats, pour le voir.</translation>
    </message>
    <message>
        <source>Open CertDesk, then Results, to renew it.</source>
        <translation>Ouvrez CertDesk, puis Résultats, pour le renouveler.</translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <source>Mark as read</source>
        <translation>Marquer comme lue</translation>
    </message>
    <message>
        <source>Mark the selected notification as read</source>
        <translation>Marquer la notification sélectionnée comme lue</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Notification details</source>
        <translation>Détails de la notification</translation>
    </message>
    <message>
        <source>The notifications could not be loaded: %1</source>
        <translation>Les notifications n&apos;ont pas pu être chargées : %1</translation>
    </message>
    <message>
        <source>The notification could not be marked as read: %1</source>
        <translation>La notification n&apos;a pas pu être marquée comme lue : %1</translation>
    </message>
    <message>
        <source>Notification categories</source>
        <translation>Catégories de notifications</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>Certificate Validation</source>
        <translation>Validation de certificat</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Décisions</translation>
    </message>
    <message>
        <source>Review open validation tasks</source>
        <translation>Examiner les tâches de validation en attente</translation>
    </message>
    <message>
        <source>Mark all as read</source>
        <translation>Tout marquer comme lu</translation>
    </message>
    <message>
        <source>Mark all notifications as read</source>
        <translation>Marquer toutes les notifications comme lues</translation>
    </message>
    <message>
        <source>Open task</source>
        <translation>Ouvrir la tâche</translation>
    </message>
    <message>
        <source>Open the validation task</source>
        <translation>Ouvrir la tâche de validation</translation>
    </message>
    <message>
        <source>Review this certificate (Enter)</source>
        <translation>Examiner ce certificat (Enter)</translation>
    </message>
    <message>
        <source>&amp;Review open tasks (%1)</source>
        <translation>Passer en &amp;revue les tâches en attente (%1)</translation>
    </message>
    <message>
        <source>Review the validation tasks waiting for you, one after the other, from the keyboard (Alt+R)</source>
        <translation>Passer en revue les tâches de validation qui vous attendent, l&apos;une après l&apos;autre, au clavier (Alt+R)</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n non lue</numerusform>
            <numerusform>%n non lues</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything is read.</source>
        <translation>Tout est lu.</translation>
    </message>
    <message>
        <source>No notifications yet.</source>
        <translation>Aucune notification pour l&apos;instant.</translation>
    </message>
    <message>
        <source>No validation requests: certificates sent to you for validation show here.</source>
        <translation>Aucune demande de validation : les certificats qui vous sont envoyés pour validation s&apos;affichent ici.</translation>
    </message>
    <message>
        <source>No outcomes yet: when your certificates are validated or rejected, you are told here.</source>
        <translation>Aucune décision pour l&apos;instant : quand vos certificats sont validés ou refusés, vous en êtes informé ici.</translation>
    </message>
    <message>
        <source>Choose a notification; Enter opens it.</source>
        <translation>Choisissez une notification ; Enter l&apos;ouvre.</translation>
    </message>
    <message>
        <source>Press Enter or “Open task” to review it.</source>
        <translation>Appuyez sur Enter ou sur « Ouvrir la tâche » pour l&apos;examiner.</translation>
    </message>
    <message>
        <source>The notifications could not be marked as read: %1</source>
        <translation>Les notifications n&apos;ont pas pu être marquées comme lues : %1</translation>
    </message>
    <message>
        <source>Back to the notifications</source>
        <translation>Retour aux notifications</translation>
    </message>
    <message>
        <source>Back to the notifications (Esc)</source>
        <translation>Retour aux notifications (Esc)</translation>
    </message>
    <message>
        <source>Search the open tasks</source>
        <translation>Rechercher dans les tâches en attente</translation>
    </message>
    <message>
        <source>Search name or person (Ctrl+F)</source>
        <translation>Rechercher un nom ou une personne (Ctrl+F)</translation>
    </message>
    <message>
        <source>Open validation tasks</source>
        <translation>Tâches de validation en attente</translation>
    </message>
    <message>
        <source>J / K: next / previous task
Ctrl+Enter: validate
Ctrl+Shift+R: reject
E: edit the details
Ctrl+F: search · Esc: back</source>
        <translation>J / K : tâche suivante / précédente
Ctrl+Enter : valider
Ctrl+Shift+R : refuser
E : modifier les détails
Ctrl+F : rechercher · Esc : retour</translation>
    </message>
    <message>
        <source>The tasks could not be loaded: %1</source>
        <translation>Les tâches n&apos;ont pas pu être chargées : %1</translation>
    </message>
    <message>
        <source>%1
%2 · %3</source>
        <translation>%1
%2 · %3</translation>
    </message>
    <message>
        <source>%1, sent by %2</source>
        <translation>%1, envoyé par %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>No open tasks: you are all caught up.</source>
        <translation>Aucune tâche en attente : vous êtes à jour.</translation>
    </message>
    <message>
        <source>Open tasks: %1</source>
        <translation>Tâches en attente : %1</translation>
    </message>
    <message>
        <source>%1 of %2 open tasks</source>
        <translation>%1 sur %2 tâches en attente</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Rappels</translation>
    </message>
    <message>
        <source>Open certificate</source>
        <translation>Ouvrir le certificat</translation>
    </message>
    <message>
        <source>Open the certificate</source>
        <translation>Ouvrir le certificat</translation>
    </message>
    <message>
        <source>See the certificate, renew it (Enter)</source>
        <translation>Voir le certificat, le renouveler (Entrée)</translation>
    </message>
    <message>
        <source>No reminders: before a certificate expires, you are reminded here and by email.</source>
        <translation>Aucun rappel : avant l&apos;expiration d&apos;un certificat, vous êtes prévenu ici et par e-mail.</translation>
    </message>
    <message>
        <source>Press Enter or “Open certificate” to see it and renew it.</source>
        <translation>Appuyez sur Entrée ou « Ouvrir le certificat » pour le voir et le renouveler.</translation>
    </message>
    <message>
        <source>Open tasks: counting…</source>
        <translation>Tâches ouvertes : comptage…</translation>
    </message>
    <message>
        <source>Open tasks: %1 or more</source>
        <translation>Tâches ouvertes : %1 ou plus</translation>
    </message>
    <message>
        <source>%1 of the %2 tasks listed</source>
        <translation>%1 des %2 tâches affichées</translation>
    </message>
    <message>
        <source>The %1 oldest open tasks are listed; scroll for more. A search looks through those listed.</source>
        <translation>Les %1 tâches ouvertes les plus anciennes sont affichées ; faites défiler pour en voir d’autres. Une recherche porte sur celles affichées.</translation>
    </message>
</context>
<context>
    <name>OutboxSender</name>
    <message>
        <source>Could not take an email from the outbox: %1</source>
        <translation>Impossible de prendre un e-mail dans la file d&apos;envoi : %1</translation>
    </message>
    <message>
        <source>Email %1 was sent but could not be recorded as sent: %2</source>
        <translation>L&apos;e-mail %1 a été envoyé mais n&apos;a pas pu être enregistré comme envoyé : %2</translation>
    </message>
    <message>
        <source>Could not record the failure of email %1: %2</source>
        <translation>Impossible d&apos;enregistrer l&apos;échec de l&apos;e-mail %1 : %2</translation>
    </message>
    <message>
        <source>Could not reschedule the waiting emails: %1</source>
        <translation>Impossible de replanifier les e-mails en attente : %1</translation>
    </message>
    <message>
        <source>The sender %1 (mail.from) cannot be used for email: write its part before the @ in ASCII.</source>
        <translation>L&apos;expéditeur %1 (mail.from) ne peut pas être utilisé pour les e-mails : écrivez la partie avant le @ en ASCII.</translation>
    </message>
    <message>
        <source>The address %1 cannot be used for email (not an address, or not in ASCII before the @).</source>
        <translation>L&apos;adresse %1 ne peut pas être utilisée pour les e-mails (ce n&apos;est pas une adresse, ou elle n&apos;est pas en ASCII avant le @).</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>No password given: type it when asked, or set %1.</source>
        <translation>Aucun mot de passe fourni : saisissez-le lorsqu&apos;il est demandé, ou définissez %1.</translation>
    </message>
    <message>
        <source>Type it again: </source>
        <translation>Saisissez-le à nouveau : </translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>Les deux mots de passe diffèrent ; rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>PdfCheck</name>
    <message>
        <source>The file is %1, larger than the %2 limit. Make it smaller (for example, scan it at a lower resolution or in black and white) and try again.</source>
        <translation>Le fichier fait %1, au-delà de la limite de %2. Réduisez sa taille (par exemple en le numérisant à une résolution plus basse ou en noir et blanc) et réessayez.</translation>
    </message>
    <message>
        <source>The file “%1” could not be read: %2. Check that it still exists and that you may open it, then choose it again.</source>
        <translation>Le fichier « %1 » n&apos;a pas pu être lu : %2. Vérifiez qu&apos;il existe toujours et que vous avez le droit de l&apos;ouvrir, puis choisissez-le à nouveau.</translation>
    </message>
    <message>
        <source>it does not exist</source>
        <translation>il n&apos;existe pas</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>ce n&apos;est pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>The file is empty (0 bytes). Choose the certificate PDF itself; if it was downloaded, download it again.</source>
        <translation>Le fichier est vide (0 octet). Choisissez le PDF du certificat lui-même ; s&apos;il a été téléchargé, téléchargez-le à nouveau.</translation>
    </message>
    <message>
        <source>The file is not a PDF document (it may be an image or a text file renamed to .pdf). Save or scan the certificate as a PDF and choose that file.</source>
        <translation>Le fichier n&apos;est pas un document PDF (c&apos;est peut-être une image ou un fichier texte renommé en .pdf). Enregistrez ou numérisez le certificat en PDF et choisissez ce fichier.</translation>
    </message>
    <message>
        <source>The PDF is protected by a password, so reviewers could not open it. Save a copy without the password (or ask the issuer for an unprotected copy) and choose that file.</source>
        <translation>Le PDF est protégé par un mot de passe : les valideurs ne pourraient pas l&apos;ouvrir. Enregistrez une copie sans mot de passe (ou demandez-en une à l&apos;émetteur) et choisissez ce fichier.</translation>
    </message>
    <message>
        <source>The PDF contains no pages. Choose the complete certificate, with at least one page.</source>
        <translation>Le PDF ne contient aucune page. Choisissez le certificat complet, avec au moins une page.</translation>
    </message>
    <message>
        <source>The PDF is damaged or incomplete and cannot be opened. Download or export the certificate again and choose the new file.</source>
        <translation>Le PDF est endommagé ou incomplet et ne peut pas être ouvert. Téléchargez ou exportez à nouveau le certificat et choisissez le nouveau fichier.</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 octet</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 Ko</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 Go</translation>
    </message>
    <message>
        <source>CertDesk could not read this PDF safely within %1 seconds: it may be damaged or made to stall PDF readers. Export or download the certificate again and choose the new file.</source>
        <translation>CertDesk n&apos;a pas pu lire ce PDF en toute sécurité en %1 secondes : il est peut-être endommagé ou conçu pour bloquer les lecteurs de PDF. Exportez ou téléchargez à nouveau le certificat et choisissez le nouveau fichier.</translation>
    </message>
    <message>
        <source>CertDesk could not read this PDF safely: reading it failed (the file may be damaged, or need more than %1 of memory). Export or download the certificate again and choose the new file.</source>
        <translation>CertDesk n&apos;a pas pu lire ce PDF en toute sécurité : la lecture a échoué (le fichier est peut-être endommagé, ou demande plus de %1 de mémoire). Exportez ou téléchargez à nouveau le certificat et choisissez le nouveau fichier.</translation>
    </message>
    <message>
        <source>CertDesk cannot check PDF files: its PDF reader (%1) is not installed next to it. Install CertDesk again, or ask your administrator to.</source>
        <translation>CertDesk ne peut pas vérifier les fichiers PDF : son lecteur de PDF (%1) n&apos;est pas installé à côté de lui. Réinstallez CertDesk, ou demandez-le à votre administrateur.</translation>
    </message>
    <message>
        <source>The check of this PDF was stopped.</source>
        <translation>La vérification de ce PDF a été arrêtée.</translation>
    </message>
    <message>
        <source>bytes before the PDF header removed</source>
        <translation>octets avant l&apos;en-tête PDF supprimés</translation>
    </message>
    <message>
        <source>encryption without a password removed</source>
        <translation>chiffrement sans mot de passe retiré</translation>
    </message>
    <message>
        <source>cross-reference table rebuilt</source>
        <translation>table des références croisées reconstruite</translation>
    </message>
    <message>
        <source>damaged structure rewritten</source>
        <translation>structure endommagée réécrite</translation>
    </message>
    <message>
        <source>page tree flattened</source>
        <translation>arbre des pages aplati</translation>
    </message>
    <message>
        <source>; </source>
        <translation> ; </translation>
    </message>
    <message>
        <source>Repaired on import: %1</source>
        <translation>Réparé à l&apos;import : %1</translation>
    </message>
</context>
<context>
    <name>PdfDrop</name>
    <message>
        <source>“%1”</source>
        <comment>a file name in quotes</comment>
        <translation>« %1 »</translation>
    </message>
    <message>
        <source>%1 is not a PDF file. Only PDF documents can be imported: save or scan the certificate as a PDF, then drop that file.</source>
        <translation>%1 n&apos;est pas un fichier PDF. Seuls les documents PDF peuvent être importés : enregistrez ou numérisez le certificat en PDF, puis déposez ce fichier.</translation>
    </message>
    <message>
        <source>%1 are not PDF files. Only PDF documents can be imported: save or scan each certificate as a PDF, then drop those files.</source>
        <translation>%1 ne sont pas des fichiers PDF. Seuls les documents PDF peuvent être importés : enregistrez ou numérisez chaque certificat en PDF, puis déposez ces fichiers.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>PDF preview</source>
        <translation>Aperçu PDF</translation>
    </message>
    <message>
        <source>Preview of the certificate PDF</source>
        <translation>Aperçu du PDF du certificat</translation>
    </message>
    <message>
        <source>No PDF chosen yet</source>
        <translation>Aucun PDF choisi pour l&apos;instant</translation>
    </message>
    <message>
        <source>The certificate appears here as soon as you choose or drop its PDF, so that you can check it is the right file.</source>
        <translation>Le certificat apparaît ici dès que vous choisissez ou déposez son PDF, afin que vous puissiez vérifier qu&apos;il s&apos;agit du bon fichier.</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom out (%1)</source>
        <translation>Zoom arrière (%1)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom in (%1)</source>
        <translation>Zoom avant (%1)</translation>
    </message>
    <message>
        <source>Fit to width</source>
        <translation>Ajuster à la largeur</translation>
    </message>
    <message>
        <source>Fit the page to the width of the preview</source>
        <translation>Ajuster la page à la largeur de l&apos;aperçu</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Zoom %1</source>
        <translation>Zoom %1</translation>
    </message>
    <message>
        <source>The first %1 pages are shown here; every page is saved.</source>
        <translation>Les %1 premières pages sont affichées ici ; toutes les pages sont enregistrées.</translation>
    </message>
    <message>
        <source>Page %1 of %2 of the certificate PDF</source>
        <translation>Page %1 sur %2 du PDF du certificat</translation>
    </message>
</context>
<context>
    <name>PdfSigner</name>
    <message>
        <source>The PDF could not be signed: it is not laid out as CertDesk writes its certificates.</source>
        <translation>Le PDF n’a pas pu être signé : il n’est pas construit comme CertDesk écrit ses certificats.</translation>
    </message>
    <message>
        <source>The PDF could not be signed: the signature could not be made.</source>
        <translation>Le PDF n’a pas pu être signé : la signature n’a pas pu être créée.</translation>
    </message>
</context>
<context>
    <name>PlatformSettings</name>
    <message>
        <source>Learners can import certificates themselves</source>
        <translation>Les apprenants peuvent importer eux-mêmes des certificats</translation>
    </message>
    <message>
        <source>Validation of external certificates required</source>
        <translation>Validation des certificats externes requise</translation>
    </message>
    <message>
        <source>Reviewers: group-admins or managers</source>
        <translation>Valideurs : administrateurs de groupe ou managers</translation>
    </message>
    <message>
        <source>Credits feature</source>
        <translation>Fonction crédits</translation>
    </message>
    <message>
        <source>Largest PDF accepted, in MB</source>
        <translation>Taille maximale des PDF acceptés, en Mo</translation>
    </message>
    <message>
        <source>Unknown setting &quot;%1&quot;. Known settings: %2.</source>
        <translation>Paramètre inconnu « %1 ». Paramètres connus : %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a reviewer choice: use group-admins or managers.</source>
        <translation>« %1 » n&apos;est pas un choix de valideurs : utilisez group-admins ou managers.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a size limit: give a whole number of MB from %2 to %3.</source>
        <translation>« %1 » n&apos;est pas une taille limite : indiquez un nombre entier de Mo de %2 à %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a switch value: use on or off.</source>
        <translation>« %1 » n&apos;est pas une valeur d&apos;activation : utilisez on ou off.</translation>
    </message>
    <message>
        <source>Could not read the settings: %1</source>
        <translation>Impossible de lire les paramètres : %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time limit: give a whole number of seconds from %2 to %3.</source>
        <translation>« %1 » n&apos;est pas une durée maximale : donnez un nombre entier de secondes de %2 à %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a memory limit: give a whole number of MB from %2 to %3.</source>
        <translation>« %1 » n&apos;est pas une limite de mémoire : donnez un nombre entier de Mo de %2 à %3.</translation>
    </message>
    <message>
        <source>Longest time reading one PDF may take, in seconds</source>
        <translation>Durée maximale de lecture d&apos;un PDF, en secondes</translation>
    </message>
    <message>
        <source>Most memory reading one PDF may use, in MB</source>
        <translation>Mémoire maximale pour lire un PDF, en Mo</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number of days: give a whole number of days from %2 to %3.</source>
        <translation>« %1 » n&apos;est pas un nombre de jours : donnez un nombre entier de jours de %2 à %3.</translation>
    </message>
    <message>
        <source>Days before expiry a certificate shows as expiring soon</source>
        <translation>Jours avant l&apos;expiration à partir desquels un certificat expire bientôt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in &quot;%2&quot; is not a number of days before expiry: give whole numbers from 0 to %3, separated by commas (0: the expiry day), or none.</source>
        <translation>« %1 » dans « %2 » n&apos;est pas un nombre de jours avant expiration : donnez des nombres entiers de 0 à %3, séparés par des virgules (0 : le jour de l&apos;expiration), ou none.</translation>
    </message>
    <message>
        <source>%1 is given twice in &quot;%2&quot;: each day before expiry once.</source>
        <translation>%1 figure deux fois dans « %2 » : chaque nombre de jours une seule fois.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has %2 reminders: at most %3.</source>
        <translation>« %1 » compte %2 rappels : %3 au maximum.</translation>
    </message>
    <message>
        <source>Days before expiry reminders go out, e.g. 90,30,7,0 (0: the expiry day; none: no reminders)</source>
        <translation>Jours avant expiration où partent les rappels, p. ex. 90,30,7,0 (0 : le jour de l&apos;expiration ; none : aucun rappel)</translation>
    </message>
    <message>
        <source>Remind the manager (else the group admins) too</source>
        <translation>Rappeler aussi le manager (sinon les administrateurs de groupe)</translation>
    </message>
</context>
<context>
    <name>Policy</name>
    <message>
        <source>Your account is deleted or unknown: you cannot import.</source>
        <translation>Votre compte est supprimé ou inconnu : vous ne pouvez pas importer.</translation>
    </message>
    <message>
        <source>Importing certificates is switched off on this platform. A platform admin can switch it on in Settings.</source>
        <translation>L&apos;import de certificats est désactivé sur cette plateforme. Un administrateur de la plateforme peut l&apos;activer dans les Paramètres.</translation>
    </message>
    <message>
        <source>You may import certificates only for yourself and for the people you manage, coach or administer.</source>
        <translation>Vous ne pouvez importer des certificats que pour vous-même et pour les personnes que vous managez, coachez ou administrez.</translation>
    </message>
    <message>
        <source>You may see only your own certificates and those of the people you manage, coach or administer.</source>
        <translation>Vous ne pouvez voir que vos certificats et ceux des personnes que vous managez, coachez ou administrez.</translation>
    </message>
    <message>
        <source>Your account is deleted or unknown: you cannot review.</source>
        <translation>Votre compte est supprimé ou inconnu : vous ne pouvez pas valider.</translation>
    </message>
    <message>
        <source>Nobody validates their own certificate.</source>
        <translation>Personne ne valide son propre certificat.</translation>
    </message>
    <message>
        <source>You are not a reviewer of this certificate.</source>
        <translation>Vous n&apos;êtes pas valideur de ce certificat.</translation>
    </message>
    <message>
        <source>There is no validation task %1.</source>
        <translation>Il n&apos;existe pas de tâche de validation %1.</translation>
    </message>
    <message>
        <source>Only platform admins can change the platform&apos;s settings.</source>
        <translation>Seuls les administrateurs de la plateforme peuvent modifier ses paramètres.</translation>
    </message>
    <message>
        <source>Only platform admins, and admins of the parent group, can add groups.</source>
        <translation>Seuls les administrateurs de la plateforme et les administrateurs du groupe parent peuvent ajouter des groupes.</translation>
    </message>
    <message>
        <source>Only admins of a group (or of a group above it) can add members to it.</source>
        <translation>Seuls les administrateurs d&apos;un groupe (ou d&apos;un groupe au-dessus) peuvent y ajouter des membres.</translation>
    </message>
    <message>
        <source>You cannot delete or restore your own account.</source>
        <translation>Vous ne pouvez pas supprimer ni restaurer votre propre compte.</translation>
    </message>
    <message>
        <source>Only platform admins and the admins of this user&apos;s groups can delete or restore this user.</source>
        <translation>Seuls les administrateurs de la plateforme et les administrateurs des groupes de cet utilisateur peuvent supprimer ou restaurer cet utilisateur.</translation>
    </message>
    <message>
        <source>Your account is deleted or unknown.</source>
        <translation>Votre compte est supprimé ou inconnu.</translation>
    </message>
    <message>
        <source>While validation is required, only admins and managers associate a certificate template; the reviewer can do it.</source>
        <translation>Tant que la validation est requise, seuls les administrateurs et les managers associent un modèle de certificat ; le valideur peut le faire.</translation>
    </message>
    <message>
        <source>Only platform admins can add certificate templates.</source>
        <translation>Seuls les administrateurs de la plateforme peuvent ajouter des modèles de certificat.</translation>
    </message>
    <message>
        <source>Send for validation</source>
        <translation>Envoyer pour validation</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Nobody can validate this certificate: no admin other than its owner is found in the owner&apos;s groups or above. Ask a platform admin to add another admin.</source>
        <translation>Personne ne peut valider ce certificat : aucun administrateur autre que son propriétaire n&apos;a été trouvé dans les groupes du propriétaire ou au-dessus. Demandez à un administrateur de la plateforme d&apos;ajouter un autre administrateur.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was granted on the platform: only an imported certificate can be corrected and sent again.</source>
        <translation>« %1 » a été délivré sur la plateforme : seul un certificat importé peut être corrigé et renvoyé.</translation>
    </message>
    <message>
        <source>Only a rejected certificate can be corrected and sent again; &quot;%1&quot; is %2.</source>
        <translation>Seul un certificat refusé peut être corrigé et renvoyé ; « %1 » est %2.</translation>
    </message>
    <message>
        <source>You uploaded this certificate for its owner: someone else validates it (four eyes).</source>
        <translation>Vous avez déposé ce certificat pour son titulaire : quelqu&apos;un d&apos;autre le valide (principe des quatre yeux).</translation>
    </message>
    <message>
        <source>Only platform admins can delete or restore a platform admin.</source>
        <translation>Seuls les administrateurs de la plateforme peuvent supprimer ou restaurer un administrateur de la plateforme.</translation>
    </message>
    <message>
        <source>Nobody can validate this certificate: no admin other than its owner and you, who uploaded it, is found in the owner&apos;s groups or above. Ask a platform admin to add another admin.</source>
        <translation>Personne ne peut valider ce certificat : aucun administrateur autre que son titulaire et vous, qui l&apos;avez déposé, n&apos;existe dans les groupes du titulaire ou au-dessus. Demandez à un administrateur de la plateforme d&apos;ajouter un autre administrateur.</translation>
    </message>
    <message>
        <source>Nobody revokes their own certificate.</source>
        <translation>Personne ne révoque son propre certificat.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was granted on the platform: only an imported certificate can be revoked.</source>
        <translation>« %1 » a été délivré sur la plateforme : seul un certificat importé peut être révoqué.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is revoked already.</source>
        <translation>« %1 » est déjà révoqué.</translation>
    </message>
    <message>
        <source>Only a validated or accepted certificate can be revoked; &quot;%1&quot; is %2.</source>
        <translation>Seul un certificat validé ou accepté peut être révoqué ; « %1 » est %2.</translation>
    </message>
    <message>
        <source>Only platform admins and the reviewers of %1&apos;s certificates can revoke this certificate.</source>
        <translation>Seuls les administrateurs de la plateforme et les valideurs des certificats de %1 peuvent révoquer ce certificat.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was revoked: it is not renewed; import a new certificate instead.</source>
        <translation>« %1 » a été révoqué : il ne se renouvelle pas ; importez plutôt un nouveau certificat.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was renewed already.</source>
        <translation>« %1 » a déjà été renouvelé.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was rejected: correct it and send it again instead of renewing it.</source>
        <translation>« %1 » a été refusé : corrigez-le et renvoyez-le au lieu de le renouveler.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is waiting for its review: it can be renewed once it is validated.</source>
        <translation>« %1 » attend sa validation : il pourra être renouvelé une fois validé.</translation>
    </message>
    <message>
        <source>Only platform admins and the admins of a group (or of a group above it) can change what it requires.</source>
        <translation>Seuls les administrateurs de la plateforme et les administrateurs d&apos;un groupe (ou d&apos;un groupe au-dessus) peuvent modifier ce qu&apos;il exige.</translation>
    </message>
    <message>
        <source>Only admins, managers and coaches see the compliance of the people they look after.</source>
        <translation>Seuls les administrateurs, managers et coachs voient la conformité des personnes dont ils s&apos;occupent.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Profile — %1</source>
        <translation>Profil — %1</translation>
    </message>
    <message>
        <source>Profile sections</source>
        <translation>Sections du profil</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d&apos;ensemble</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Close the profile</source>
        <translation>Fermer le profil</translation>
    </message>
    <message>
        <source>Avatar of %1</source>
        <translation>Avatar de %1</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>This account is deleted: it cannot sign in; its results are kept.</source>
        <translation>Ce compte est supprimé : il ne peut pas se connecter ; ses résultats sont conservés.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <source>In no group</source>
        <translation>Dans aucun groupe</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>No manager</source>
        <translation>Aucun manager</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Deleted: cannot sign in and gets no notifications. Their results are kept.</source>
        <translation>Supprimé : ne peut pas se connecter et ne reçoit aucune notification. Ses résultats sont conservés.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message>
        <source>Reminders need the date of today.</source>
        <translation>Les rappels ont besoin de la date du jour.</translation>
    </message>
    <message>
        <source>Could not read the certificates: %1</source>
        <translation>Impossible de lire les certificats : %1</translation>
    </message>
    <message>
        <source>Could not send the reminders: %1</source>
        <translation>Impossible d&apos;envoyer les rappels : %1</translation>
    </message>
</context>
<context>
    <name>RequirementsEditor</name>
    <message>
        <source>Every current member of a group, and of the groups below it, must hold a certificate associated with each template the group requires. The Compliance page shows who does.</source>
        <translation>Chaque membre actuel d&apos;un groupe, et des groupes en dessous, doit détenir un certificat associé à chaque modèle que le groupe exige. La page Conformité montre qui le détient.</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>Exigences</translation>
    </message>
    <message>
        <source>&amp;Group</source>
        <translation>&amp;Groupe</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>re&amp;quires</source>
        <translation>e&amp;xige</translation>
    </message>
    <message>
        <source>Required certificate template</source>
        <translation>Modèle de certificat exigé</translation>
    </message>
    <message>
        <source>&amp;Require</source>
        <translation>E&amp;xiger</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;tirer</translation>
    </message>
    <message>
        <source>%1 requires %2</source>
        <translation>%1 exige %2</translation>
    </message>
    <message>
        <source>No group requires a certificate yet.</source>
        <translation>Aucun groupe n&apos;exige encore de certificat.</translation>
    </message>
    <message>
        <source>%1 now requires %2.</source>
        <translation>%1 exige désormais %2.</translation>
    </message>
    <message>
        <source>Removed: %1.</source>
        <translation>Retiré : %1.</translation>
    </message>
    <message>
        <source>Require the template of the group</source>
        <translation>Exiger le modèle du groupe</translation>
    </message>
    <message>
        <source>Remove the selected requirement</source>
        <translation>Retirer l&apos;exigence sélectionnée</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
</context>
<context>
    <name>ReviewService</name>
    <message>
        <source>Your account is deleted or unknown.</source>
        <translation>Votre compte est supprimé ou inconnu.</translation>
    </message>
    <message>
        <source>There is no validation task %1.</source>
        <translation>Il n&apos;existe pas de tâche de validation %1.</translation>
    </message>
    <message>
        <source>%1 already %2 this certificate on %3; your decision was not applied.</source>
        <translation>%1 a déjà %2 ce certificat le %3 ; votre décision n&apos;a pas été appliquée.</translation>
    </message>
    <message>
        <source>Another reviewer</source>
        <translation>Un autre valideur</translation>
    </message>
    <message>
        <source>validated</source>
        <translation>validé</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>Say why you reject this certificate: a comment is required.</source>
        <translation>Indiquez pourquoi vous refusez ce certificat : un commentaire est obligatoire.</translation>
    </message>
    <message>
        <source>%1 acted on this certificate first; your decision was not applied.</source>
        <translation>%1 a traité ce certificat en premier ; votre décision n&apos;a pas été appliquée.</translation>
    </message>
    <message>
        <source>The review could not be saved, nothing was written: %1</source>
        <translation>La validation n&apos;a pas pu être enregistrée, rien n&apos;a été écrit : %1</translation>
    </message>
</context>
<context>
    <name>ReviewSignals</name>
    <message>
        <source>Name on the PDF: %1 (matches)</source>
        <translation>Nom sur le PDF : %1 (correspond)</translation>
    </message>
    <message>
        <source>Name on the PDF: %1 — does not match %2</source>
        <translation>Nom sur le PDF : %1 — ne correspond pas à %2</translation>
    </message>
    <message>
        <source>Same file: submitted by someone else too</source>
        <translation>Même fichier : envoyé aussi par quelqu&apos;un d&apos;autre</translation>
    </message>
    <message>
        <source>Same file: also submitted by %1, and by someone else</source>
        <translation>Même fichier : envoyé aussi par %1, et par quelqu&apos;un d&apos;autre</translation>
    </message>
    <message>
        <source>Same file: also submitted by %1</source>
        <translation>Même fichier : envoyé aussi par %1</translation>
    </message>
    <message>
        <source>Open verification page (%1)</source>
        <translation>Ouvrir la page de vérification (%1)</translation>
    </message>
    <message>
        <source>A QR code could not be read</source>
        <translation>Un code QR n&apos;a pas pu être lu</translation>
    </message>
    <message>
        <source>A QR code reads: %1</source>
        <translation>Un code QR indique : %1</translation>
    </message>
    <message>
        <source>an unnamed signer</source>
        <translation>un signataire sans nom</translation>
    </message>
    <message>
        <source>Signed by %1 on %2</source>
        <translation>Signé par %1 le %2</translation>
    </message>
    <message>
        <source>Signed by %1</source>
        <translation>Signé par %1</translation>
    </message>
    <message>
        <source>%1: valid</source>
        <translation>%1 : valide</translation>
    </message>
    <message>
        <source>%1: modified after signing</source>
        <translation>%1 : modifié après la signature</translation>
    </message>
    <message>
        <source>%1: signer not trusted</source>
        <translation>%1 : signataire non reconnu</translation>
    </message>
    <message>
        <source>A digital signature could not be read</source>
        <translation>Une signature numérique n&apos;a pas pu être lue</translation>
    </message>
    <message>
        <source>A scan: nothing could be read</source>
        <translation>Un scan : rien n&apos;a pu être lu</translation>
    </message>
    <message>
        <source>The PDF reader could not read this file (%1)</source>
        <translation>Le lecteur de PDF n&apos;a pas pu lire ce fichier (%1)</translation>
    </message>
    <message>
        <source>Reading the PDF…</source>
        <translation>Lecture du PDF…</translation>
    </message>
    <message>
        <source>Open verification page from the QR code (%1)</source>
        <translation>Ouvrir la page de vérification du QR code (%1)</translation>
    </message>
    <message>
        <source>Open verification page (%1), also in the QR code</source>
        <translation>Ouvrir la page de vérification (%1), aussi dans le QR code</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>Revoke “%1”</source>
        <translation>Révoquer « %1 »</translation>
    </message>
    <message>
        <source>%1&apos;s certificate will show as revoked and get no more reminders; its history is kept. %1 is told in CertDesk and by email, with your reason.</source>
        <translation>Le certificat de %1 s&apos;affichera révoqué et ne recevra plus de rappels ; son historique est conservé. %1 est prévenu dans CertDesk et par e-mail, avec votre motif.</translation>
    </message>
    <message>
        <source>&amp;Reason (required)</source>
        <translation>&amp;Motif (obligatoire)</translation>
    </message>
    <message>
        <source>Reason for revoking</source>
        <translation>Motif de la révocation</translation>
    </message>
    <message>
        <source>For example: the issuer withdrew this certificate.</source>
        <translation>Par exemple : l&apos;organisme a retiré ce certificat.</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>Ré&amp;voquer</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 caractères sur %2</translation>
    </message>
</context>
<context>
    <name>ServerSetup</name>
    <message>
        <source>setup prepares a PostgreSQL database; a SQLite file needs only &apos;certdesk-cli init&apos;.</source>
        <translation>setup prépare une base de données PostgreSQL ; un fichier SQLite n&apos;a besoin que de « certdesk-cli init ».</translation>
    </message>
    <message>
        <source>setup must be run by a database superuser (such as postgres): it creates roles and gives the schema to CertDesk&apos;s owner role.</source>
        <translation>setup doit être exécuté par un superutilisateur de la base de données (comme postgres) : il crée des rôles et confie le schéma au rôle propriétaire de CertDesk.</translation>
    </message>
    <message>
        <source>setup failed, nothing was changed: %1</source>
        <translation>Échec de setup, rien n&apos;a été modifié : %1</translation>
    </message>
    <message>
        <source>The server&apos;s rules are missing from CertDesk.</source>
        <translation>Les règles du serveur sont absentes de CertDesk.</translation>
    </message>
    <message>
        <source>setup failed, nothing was changed: %1
%2</source>
        <translation>Échec de setup, rien n&apos;a été modifié : %1
%2</translation>
    </message>
    <message>
        <source>This database&apos;s logins already start with &quot;%1&quot;; the prefix cannot change. Nothing was changed.</source>
        <translation>Les identifiants de connexion de cette base de données commencent déjà par « %1 » ; le préfixe ne peut pas changer. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>%1 is not a connection limit: give a whole number of connections from 1 to %2.</source>
        <translation>%1 n&apos;est pas une limite de connexions : donnez un nombre entier de connexions de 1 à %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a statement timeout: give a whole number and a unit as PostgreSQL writes them (1500ms, 60s, 5min, 1h), from 100ms to 24h.</source>
        <translation>« %1 » n&apos;est pas un délai de requête : donnez un nombre entier et une unité comme PostgreSQL les écrit (1500ms, 60s, 5min, 1h), de 100ms à 24h.</translation>
    </message>
    <message>
        <source>The server&apos;s rules are missing from CertDesk (%1).</source>
        <translation>Les règles du serveur manquent dans CertDesk (%1).</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Choose another database with &quot;Change…&quot;, or create this one with: certdesk-cli --db &quot;%1&quot; init</source>
        <translation>Choisissez une autre base de données avec « Changer… », ou créez celle-ci avec : certdesk-cli --db &quot;%1&quot; init</translation>
    </message>
    <message>
        <source>This database has no users yet. Add the first platform admin with: certdesk-cli --db &quot;%1&quot; init --admin EMAIL --name NAME</source>
        <translation>Cette base de données n&apos;a encore aucun utilisateur. Ajoutez le premier administrateur de la plateforme avec : certdesk-cli --db &quot;%1&quot; init --admin EMAIL --name NAME</translation>
    </message>
    <message>
        <source>The server refused the login %1: the login or the password is wrong.</source>
        <translation>Le serveur a refusé l&apos;identifiant %1 : l&apos;identifiant ou le mot de passe est incorrect.</translation>
    </message>
    <message>
        <source>The server refused the login %1: it is disabled (a deleted user). Ask an admin to restore it.</source>
        <translation>Le serveur a refusé l&apos;identifiant %1 : il est désactivé (utilisateur supprimé). Demandez à un administrateur de le restaurer.</translation>
    </message>
    <message>
        <source>The login %1 is not an active CertDesk user of %2: ask a platform admin to add you.</source>
        <translation>L&apos;identifiant %1 n&apos;est pas un utilisateur CertDesk actif de %2 : demandez à un administrateur de la plateforme de vous ajouter.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>On</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Managers</source>
        <translation>Managers</translation>
    </message>
    <message>
        <source>Group admins</source>
        <translation>Administrateurs de groupe</translation>
    </message>
    <message>
        <source>The settings could not be loaded: %1</source>
        <translation>Impossible de charger les paramètres : %1</translation>
    </message>
    <message>
        <source>Changes apply at once for everyone using this database and are recorded in the audit log.</source>
        <translation>Les modifications s&apos;appliquent immédiatement pour tous les utilisateurs de cette base de données et sont consignées dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <source>&amp;Learners can import certificates themselves</source>
        <translation>Les &amp;apprenants peuvent importer eux-mêmes des certificats</translation>
    </message>
    <message>
        <source>While this is off nobody sees Import certificate; certificates already imported stay visible.</source>
        <translation>Tant que cette option est désactivée, personne ne voit Importer un certificat ; les certificats déjà importés restent visibles.</translation>
    </message>
    <message>
        <source>&amp;Validation of external certificates required</source>
        <translation>&amp;Validation des certificats externes requise</translation>
    </message>
    <message>
        <source>On: each import waits for a reviewer and the import form&apos;s button reads “Send for validation”. Off: imports are accepted at once.</source>
        <translation>Activé : chaque import attend un valideur et le bouton du formulaire d&apos;import indique « Envoyer pour validation ». Désactivé : les imports sont acceptés immédiatement.</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>Valideurs</translation>
    </message>
    <message>
        <source>&amp;Group admins</source>
        <translation>Administrateurs de &amp;groupe</translation>
    </message>
    <message>
        <source>Reviewers: group admins</source>
        <translation>Valideurs : administrateurs de groupe</translation>
    </message>
    <message>
        <source>&amp;Managers</source>
        <translation>&amp;Managers</translation>
    </message>
    <message>
        <source>Reviewers: managers</source>
        <translation>Valideurs : managers</translation>
    </message>
    <message>
        <source>With managers, a learner without a manager is reviewed by the admins of their group (the nearest group up the tree that has one). Nobody validates their own certificate.</source>
        <translation>Avec les managers, un apprenant sans manager est validé par les administrateurs de son groupe (le groupe le plus proche en remontant l&apos;arborescence qui en a un). Personne ne valide son propre certificat.</translation>
    </message>
    <message>
        <source>&amp;Credits</source>
        <translation>&amp;Crédits</translation>
    </message>
    <message>
        <source>Import forms ask for the credits a certificate is worth.</source>
        <translation>Les formulaires d&apos;import demandent le nombre de crédits que vaut un certificat.</translation>
    </message>
    <message>
        <source>Largest &amp;PDF accepted</source>
        <translation>Taille maximale des &amp;PDF acceptés</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> Mo</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>On a shared PostgreSQL database CertDesk does not send email itself: run “certdesk-cli mail-relay” as a service (on one machine or more) with the mail key that encrypted the SMTP password.</source>
        <translation>Sur une base de données PostgreSQL partagée, CertDesk n&apos;envoie pas lui-même les e-mails : exécutez « certdesk-cli mail-relay » en tant que service (sur une ou plusieurs machines) avec la clé de messagerie qui a chiffré le mot de passe SMTP.</translation>
    </message>
    <message>
        <source>CertDesk sends these emails in the background while someone is signed in on this database, with retries when the server cannot be reached.</source>
        <translation>CertDesk envoie ces e-mails en arrière-plan tant que quelqu&apos;un est connecté à cette base de données, avec de nouvelles tentatives lorsque le serveur est injoignable.</translation>
    </message>
    <message>
        <source>&amp;Failed emails…</source>
        <translation>&amp;E-mails en échec…</translation>
    </message>
    <message>
        <source>Show the emails that could not be sent</source>
        <translation>Afficher les e-mails qui n&apos;ont pas pu être envoyés</translation>
    </message>
    <message>
        <source>The outbox could not be read: %1</source>
        <translation>Impossible de lire la file d&apos;envoi : %1</translation>
    </message>
    <message>
        <source>No failed emails.</source>
        <translation>Aucun e-mail en échec.</translation>
    </message>
    <message>
        <source>1 email could not be sent.</source>
        <translation>1 e-mail n&apos;a pas pu être envoyé.</translation>
    </message>
    <message>
        <source>%1 emails could not be sent.</source>
        <translation>%1 e-mails n&apos;ont pas pu être envoyés.</translation>
    </message>
    <message>
        <source>%1 You can see the settings but not change them.</source>
        <translation>%1 Vous pouvez voir les paramètres mais pas les modifier.</translation>
    </message>
    <message>
        <source>Set; type a new one to replace it</source>
        <translation>Défini ; saisissez-en un nouveau pour le remplacer</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Non défini</translation>
    </message>
    <message>
        <source>✓ Saved</source>
        <translation>✓ Enregistré</translation>
    </message>
    <message>
        <source>Longest time reading one PDF may take</source>
        <translation>Durée maximale de lecture d&apos;un PDF</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Most memory reading one PDF may use</source>
        <translation>Mémoire maximale pour lire un PDF</translation>
    </message>
    <message>
        <source>CertDesk reads every PDF in a separate program; a file that takes longer or needs more memory is refused, and CertDesk goes on.</source>
        <translation>CertDesk lit chaque PDF dans un programme séparé ; un fichier qui prend plus longtemps ou demande plus de mémoire est refusé, et CertDesk continue.</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Show “&amp;Expiring soon”</source>
        <translation>Afficher « &amp;Expire bientôt »</translation>
    </message>
    <message>
        <source> days before expiry</source>
        <translation> jours avant l&apos;expiration</translation>
    </message>
    <message>
        <source>Results, profiles and the Users page&apos;s counts show a certificate as expiring soon from this many days before its expiration date.</source>
        <translation>Les résultats, les profils et les compteurs de la page Utilisateurs montrent un certificat comme expirant bientôt à partir de ce nombre de jours avant sa date d&apos;expiration.</translation>
    </message>
    <message>
        <source>Send &amp;reminders</source>
        <translation>Envoyer des &amp;rappels</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>days before expiry</source>
        <translation>jours avant l&apos;expiration</translation>
    </message>
    <message>
        <source>Whole numbers separated by commas, such as 90, 30, 7, 0 (0: the expiry day); empty: no reminders. Each reminder is sent once per certificate, in CertDesk and by email.</source>
        <translation>Nombres entiers séparés par des virgules, comme 90, 30, 7, 0 (0 : le jour de l&apos;expiration) ; vide : aucun rappel. Chaque rappel est envoyé une fois par certificat, dans CertDesk et par e-mail.</translation>
    </message>
    <message>
        <source>Also remind the &amp;manager (without one, the group admins)</source>
        <translation>Rappeler aussi le &amp;manager (à défaut, les administrateurs du groupe)</translation>
    </message>
    <message>
        <source>Off: only the certificate&apos;s owner is reminded. Anyone can turn reminder emails off for themselves in their profile menu; reminders in CertDesk stay.</source>
        <translation>Désactivé : seul le titulaire du certificat reçoit le rappel. Chacun peut désactiver pour lui-même les e-mails de rappel dans son menu de profil ; les rappels dans CertDesk restent.</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>Exigences</translation>
    </message>
    <message>
        <source>Send email</source>
        <translation>Envoyer les e-mails</translation>
    </message>
    <message>
        <source>Mail folder</source>
        <translation>Dossier de courrier</translation>
    </message>
    <message>
        <source>Through an SMTP server</source>
        <translation>Par un serveur SMTP</translation>
    </message>
    <message>
        <source>Into a folder (.eml files)</source>
        <translation>Dans un dossier (fichiers .eml)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Choose the mail folder</source>
        <translation>Choisir le dossier de courrier</translation>
    </message>
    <message>
        <source>Platform settings</source>
        <translation>Paramètres de la plateforme</translation>
    </message>
</context>
<context>
    <name>SettingsService</name>
    <message>
        <source>The setting could not be saved: %1</source>
        <translation>Impossible d&apos;enregistrer le paramètre : %1</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>Sign in — CertDesk</source>
        <translation>Connexion — CertDesk</translation>
    </message>
    <message>
        <source>CertDesk logo</source>
        <translation>Logo de CertDesk</translation>
    </message>
    <message>
        <source>Sign in to CertDesk</source>
        <translation>Connexion à CertDesk</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Base de données :</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Changer…</translation>
    </message>
    <message>
        <source>Change the database</source>
        <translation>Changer de base de données</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>nom@exemple.org</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>Afficher le mot de passe</translation>
    </message>
    <message>
        <source>Hide the password</source>
        <translation>Masquer le mot de passe</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>Mot de &amp;passe</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation>Erreur de connexion</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>This file is the trust boundary: anyone who can read it can read everything in it.</source>
        <translation>Ce fichier est la limite de confiance : quiconque peut le lire peut lire tout ce qu&apos;il contient.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>&amp;Login (your email)</source>
        <translation>&amp;Identifiant (votre e-mail)</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Server %1, database %2: sign in with your own login; the server checks it.</source>
        <translation>Serveur %1, base %2 : connectez-vous avec votre propre identifiant ; le serveur le vérifie.</translation>
    </message>
</context>
<context>
    <name>SmtpTransport</name>
    <message>
        <source>The mail library (libcurl) could not start.</source>
        <translation>La bibliothèque de messagerie (libcurl) n&apos;a pas pu démarrer.</translation>
    </message>
    <message>
        <source>The mail server %1 cannot be reached: %2</source>
        <translation>Le serveur de messagerie %1 est injoignable : %2</translation>
    </message>
    <message>
        <source>The mail server %1 refused the login of %2 (check mail.username and mail.password): %3</source>
        <translation>Le serveur de messagerie %1 a refusé la connexion de %2 (vérifiez mail.username et mail.password) : %3</translation>
    </message>
    <message>
        <source>No secure connection to the mail server %1 (check mail.security and mail.port): %2</source>
        <translation>Aucune connexion sécurisée au serveur de messagerie %1 (vérifiez mail.security et mail.port) : %2</translation>
    </message>
    <message>
        <source>The mail server %1 refused the recipient %2: %3</source>
        <translation>Le serveur de messagerie %1 a refusé le destinataire %2 : %3</translation>
    </message>
    <message>
        <source>The mail server %1 did not take the message: %2</source>
        <translation>Le serveur de messagerie %1 n&apos;a pas accepté le message : %2</translation>
    </message>
</context>
<context>
    <name>TaskView</name>
    <message>
        <source>Validation task</source>
        <translation>Tâche de validation</translation>
    </message>
    <message>
        <source>Choose a task to review.</source>
        <translation>Choisissez une tâche à traiter.</translation>
    </message>
    <message>
        <source>Internal certificate &amp;equivalence</source>
        <translation>É&amp;quivalence avec un certificat interne</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>External certificate details</source>
        <translation>Détails du certificat externe</translation>
    </message>
    <message>
        <source>Undo my edits</source>
        <translation>Annuler mes modifications</translation>
    </message>
    <message>
        <source>Undo edits</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Edit the certificate details</source>
        <translation>Modifier les détails du certificat</translation>
    </message>
    <message>
        <source>Correct the name and dates before deciding (E)</source>
        <translation>Corrigez le nom et les dates avant de décider (E)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Delivery date</source>
        <translation>Date de &amp;délivrance</translation>
    </message>
    <message>
        <source>E&amp;xpiration date</source>
        <translation>Date d&apos;e&amp;xpiration</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Uploaded file</source>
        <translation>Fichier téléversé</translation>
    </message>
    <message>
        <source>Your edits are saved with your decision.</source>
        <translation>Vos modifications sont enregistrées avec votre décision.</translation>
    </message>
    <message>
        <source>&amp;Comment</source>
        <translation>&amp;Commentaire</translation>
    </message>
    <message>
        <source>Comment for the certificate&apos;s owner</source>
        <translation>Commentaire pour le propriétaire du certificat</translation>
    </message>
    <message>
        <source>Optional when validating; required when rejecting: say what to correct.</source>
        <translation>Facultatif pour valider ; obligatoire pour refuser : indiquez ce qu&apos;il faut corriger.</translation>
    </message>
    <message>
        <source>REJECT</source>
        <translation>REFUSER</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <source>Reject the certificate (Ctrl+Shift+R). A comment saying why is required.</source>
        <translation>Refuser le certificat (Ctrl+Shift+R). Un commentaire expliquant pourquoi est obligatoire.</translation>
    </message>
    <message>
        <source>VALIDATE</source>
        <translation>VALIDER</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>Valider</translation>
    </message>
    <message>
        <source>Validate the certificate (Ctrl+Enter)</source>
        <translation>Valider le certificat (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>The PDF could not be shown.</source>
        <translation>Impossible d&apos;afficher le PDF.</translation>
    </message>
    <message>
        <source>%1 · sent for validation on %2</source>
        <translation>%1 · envoyé pour validation le %2</translation>
    </message>
    <message>
        <source>(no file name)</source>
        <translation>(aucun nom de fichier)</translation>
    </message>
    <message>
        <source>another reviewer</source>
        <translation>un autre valideur</translation>
    </message>
    <message>
        <source>Validated by %1 on %2</source>
        <translation>Validé par %1 le %2</translation>
    </message>
    <message>
        <source>Rejected by %1 on %2</source>
        <translation>Refusé par %1 le %2</translation>
    </message>
    <message>
        <source>Comment: “%1”</source>
        <translation>Commentaire : « %1 »</translation>
    </message>
    <message>
        <source>Say why you reject this certificate: write a comment for its owner, then reject again.</source>
        <translation>Indiquez pourquoi vous refusez ce certificat : écrivez un commentaire pour son propriétaire, puis refusez à nouveau.</translation>
    </message>
    <message>
        <source>Validated “%1” of %2.</source>
        <translation>« %1 » de %2 validé.</translation>
    </message>
    <message>
        <source>Rejected “%1” of %2.</source>
        <translation>« %1 » de %2 refusé.</translation>
    </message>
    <message>
        <source>Does not expire</source>
        <translation>N&apos;expire pas</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Correct the details first: %1</source>
        <translation>Corrigez d&apos;abord les détails : %1</translation>
    </message>
    <message>
        <source>Choose an internal certificate from the list, or None.</source>
        <translation>Choisissez un certificat interne dans la liste, ou Aucun.</translation>
    </message>
    <message>
        <source>Ctrl+Enter validates · Ctrl+Shift+R rejects (with a comment)</source>
        <translation>Ctrl+Enter valide · Ctrl+Shift+R refuse (avec un commentaire)</translation>
    </message>
    <message>
        <source>The PDF could not be read: %1</source>
        <translation>Impossible de lire le PDF : %1</translation>
    </message>
    <message>
        <source>The connection to the database was lost, so your decision was not saved. What you typed is kept: try again once CertDesk is connected again.</source>
        <translation>La connexion à la base de données a été perdue : votre décision n&apos;a pas été enregistrée. Ce que vous avez saisi est conservé : réessayez une fois CertDesk reconnecté.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>SHA-256 of the file as uploaded: %1</source>
        <translation>SHA-256 du fichier tel que déposé : %1</translation>
    </message>
    <message>
        <source>Certificate %1</source>
        <translation>Certificat %1</translation>
    </message>
    <message>
        <source>“%1”, delivered %2, expires %3</source>
        <translation>« %1 », délivré le %2, expire le %3</translation>
    </message>
    <message>
        <source>“%1”, delivered %2, does not expire</source>
        <translation>« %1 », délivré le %2, n&apos;expire pas</translation>
    </message>
    <message>
        <source>Renewal of</source>
        <translation>Renouvellement de</translation>
    </message>
    <message>
        <source>What the PDF says</source>
        <translation>Ce que dit le PDF</translation>
    </message>
    <message>
        <source>Task details</source>
        <translation>Détails de la tâche</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <source>Internal certificate equivalence</source>
        <translation>Équivalence avec un certificat interne</translation>
    </message>
    <message>
        <source>None — type to search</source>
        <translation>Aucun — saisissez pour rechercher</translation>
    </message>
    <message>
        <source>The internal certificate this one is equivalent to, if any: type any part of its name</source>
        <translation>Le certificat interne auquel celui-ci équivaut, le cas échéant : saisissez une partie de son nom</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>No internal certificate is named “%1”: choose one from the list, or None.</source>
        <translation>Aucun certificat interne ne s&apos;appelle « %1 » : choisissez-en un dans la liste, ou Aucun.</translation>
    </message>
    <message>
        <source>validity: %1 months</source>
        <translation>validité : %1 mois</translation>
    </message>
</context>
<context>
    <name>UserListModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Accepted or validated certificates that are still valid</source>
        <translation>Certificats acceptés ou validés encore valides</translation>
    </message>
    <message>
        <source>Certificates waiting for validation</source>
        <translation>Certificats en attente de validation</translation>
    </message>
    <message>
        <source>Expired certificates</source>
        <translation>Certificats expirés</translation>
    </message>
    <message>
        <source>Rejected certificates</source>
        <translation>Certificats refusés</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valides</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Expirent bientôt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Certificates expiring today or tomorrow</source>
        <translation>Certificats qui expirent aujourd&apos;hui ou demain</translation>
    </message>
    <message numerus="yes">
        <source>Certificates expiring within %n days</source>
        <translation>
            <numerusform>Certificats qui expirent dans %n jour</numerusform>
            <numerusform>Certificats qui expirent dans les %n jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>The users could not be loaded: %1</source>
        <translation>Impossible de charger les utilisateurs : %1</translation>
    </message>
    <message>
        <source>%1 people whose results you may see.</source>
        <translation>%1 personnes dont vous pouvez voir les résultats.</translation>
    </message>
    <message>
        <source>View profile</source>
        <translation>Voir le profil</translation>
    </message>
    <message>
        <source>Open the selected person&apos;s profile and results (Enter)</source>
        <translation>Ouvrir le profil et les résultats de la personne sélectionnée (Entrée)</translation>
    </message>
    <message>
        <source>Loading error</source>
        <translation>Erreur de chargement</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Rechercher des utilisateurs</translation>
    </message>
    <message>
        <source>Current or deleted users</source>
        <translation>Utilisateurs actuels ou supprimés</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Actuels</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimés</translation>
    </message>
    <message>
        <source>People who can sign in</source>
        <translation>Personnes qui peuvent se connecter</translation>
    </message>
    <message>
        <source>Deleted people: they cannot sign in, their results are kept</source>
        <translation>Personnes supprimées : elles ne peuvent pas se connecter, leurs résultats sont conservés</translation>
    </message>
    <message>
        <source>My team</source>
        <translation>Mon équipe</translation>
    </message>
    <message>
        <source>Show only my team</source>
        <translation>Afficher uniquement mon équipe</translation>
    </message>
    <message>
        <source>Only the people who name you as their manager</source>
        <translation>Uniquement les personnes qui vous désignent comme leur manager</translation>
    </message>
    <message>
        <source>Search by name or email (Ctrl+F)</source>
        <translation>Rechercher par nom ou e-mail (Ctrl+F)</translation>
    </message>
    <message>
        <source>Nobody matches “%1”.</source>
        <translation>Personne ne correspond à « %1 ».</translation>
    </message>
    <message>
        <source>No deleted users.</source>
        <translation>Aucun utilisateur supprimé.</translation>
    </message>
    <message>
        <source>Nobody names you as their manager yet.</source>
        <translation>Personne ne vous désigne encore comme son manager.</translation>
    </message>
    <message>
        <source>Nobody to show.</source>
        <translation>Personne à afficher.</translation>
    </message>
    <message>
        <source>The first %1 people — scroll for more.</source>
        <translation>Les %1 premières personnes — faites défiler pour en voir plus.</translation>
    </message>
    <message>
        <source>1 person matches “%1”.</source>
        <translation>1 personne correspond à « %1 ».</translation>
    </message>
    <message>
        <source>%1 people match “%2”.</source>
        <translation>%1 personnes correspondent à « %2 ».</translation>
    </message>
    <message>
        <source>1 deleted person.</source>
        <translation>1 personne supprimée.</translation>
    </message>
    <message>
        <source>%1 deleted people.</source>
        <translation>%1 personnes supprimées.</translation>
    </message>
    <message>
        <source>They cannot sign in; their results are kept.</source>
        <translation>Elles ne peuvent pas se connecter ; leurs résultats sont conservés.</translation>
    </message>
    <message>
        <source>1 person in your team.</source>
        <translation>1 personne dans votre équipe.</translation>
    </message>
    <message>
        <source>%1 people in your team.</source>
        <translation>%1 personnes dans votre équipe.</translation>
    </message>
    <message>
        <source>View results</source>
        <translation>Voir les résultats</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message>
        <source>1 person whose results you may see.</source>
        <translation>1 personne dont vous pouvez voir les résultats.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>unknown language &quot;%1&quot;: use en or fr.</source>
        <translation>langue inconnue « %1 » : utilisez en ou fr.</translation>
    </message>
    <message>
        <source>The database: a SQLite file path or a postgresql://user@host:port/dbname URL (default: %1).</source>
        <translation>La base de données : un chemin de fichier SQLite ou une URL postgresql://user@host:port/dbname (par défaut : %1).</translation>
    </message>
    <message>
        <source>The language of the interface: en or fr.</source>
        <translation>La langue de l&apos;interface : en ou fr.</translation>
    </message>
    <message>
        <source>Import, review and browse external certificates.</source>
        <translation>Importer, valider et parcourir des certificats externes.</translation>
    </message>
</context>
</TS>
