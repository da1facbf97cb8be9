# El núcleo de Homegroup, en español: los mismos ids que en.ftl, con las mismas variables (las
# pruebas de core/src/i18n/tests.rs lo revisan). Estilo: docs/style-es.md (tú, cálido, español
# neutro de Latinoamérica). Las horas llegan ya escritas para el idioma ("7:00 p. m."); nunca
# escribas aquí una fecha o una hora a mano.

## Compartido

# "a las 7:00 p. m.", pero "a la 1:00 p. m.". $hour: la hora en un reloj de 12 horas.
time-at =
    { $hour ->
        [1] a la { $time }
       *[other] a las { $time }
    }

# El texto de un error que todavía no está en el catálogo, tal como llegó.
untranslated = { $text }

## Cómo se llaman los campos en los mensajes sobre ellos ($label), con su artículo

label-meeting-name = el nombre de la reunión
label-fellowship = la comunidad
label-meeting-link = el enlace de la reunión
label-dial-in = el número para llamar
label-place-name = el nombre del lugar
label-address = la dirección
label-place-notes = las notas sobre el lugar
label-link-notes = las notas sobre el enlace
label-dial-in-notes = las notas sobre el número para llamar
label-notes = las notas
label-count-description = la descripción
label-list-name = el nombre de la lista
label-phone = el número de teléfono
label-other-contact = el otro contacto
label-person-name = el nombre (un apodo o las iniciales están bien)
label-person-note = la nota

## Lo que se escribe a mano

error-text-required = Escribe { $label }.
error-text-too-long = Hay demasiado texto en { $label } ({ $length } caracteres; máximo { $max }).
error-text-unshowable = Hay caracteres que no se pueden mostrar en { $label }.
error-web-address = Para { $label }, escribe una dirección web que empiece con https:// o http://.
error-time-zone-unknown = “{ $name }” no es una zona horaria que Homegroup conozca. Elige una de la lista, como America/Chicago.

## Reuniones

error-weekday-range = { $day } no es un día de la semana: van del 0 (domingo) al 6 (sábado).
error-date-format = “{ $text }” no es una fecha como 2026-12-24.
error-date-or-weekdays = Elige los días de la semana para una reunión semanal, o una sola fecha, pero no las dos cosas.
error-time-format = “{ $text }” no es una hora como 19:30.
error-start-time-missing = Escribe la hora en que empieza la reunión.
error-days-missing = Elige los días de la reunión, o una fecha.
error-duration-range = Una reunión dura entre 1 minuto y 24 horas.
error-fellowship-unknown = No hay ninguna comunidad “{ $id }” en el directorio.
error-group-gone = Ese grupo ya no existe.
error-dial-in-format = Un número para llamar solo puede tener dígitos, espacios y + , # * ( ) -.
error-type-code = “{ $code }” no es un código de tipo de reunión.
error-meeting-not-found = No se encontró la reunión { $id }.
error-meeting-key-not-found = No se encontró la reunión “{ $key }”.
# La línea de comandos: un slug que también es el id de otra reunión.
error-slug-and-id = “{ $key }” es el slug de la reunión { $id } ({ $name }) y el id de otra, { $other_name } ({ $other_source }). Usa --id { $key } para la segunda, o --id { $id } para la primera.
# La línea de comandos: $choices es una lista de meeting-choice.
error-slug-many = “{ $key }” es el slug de más de una reunión; usa --id con uno de estos: { $choices }.
meeting-choice = { $id } (de { $source })
source-this-app = esta app

## Mi agenda

error-lead-too-long = Un recordatorio puede llegar como máximo una semana antes de la reunión.
# $date: AAAA-MM-DD.
error-not-meeting-that-day = { $name } no se reúne el { $date }.
error-attended-too-soon = Puedes marcar que asististe a una reunión cuando ya haya empezado.
error-not-in-schedule = Esta reunión no está en tu agenda.

## Configuración

error-first-day = El primer día de la semana tiene que ser un día de domingo a sábado.

## El bloqueo de la app

error-lock-not-on = El bloqueo de la app no está activado.
error-lock-already-on = El bloqueo de la app ya está activado.
error-lock-off-first = Primero activa el bloqueo de la app.
# $unit: seconds (menos de un minuto), minute (de uno a dos minutos) o minutes; $count: cuántos.
error-lock-wait =
    Hubo demasiados intentos incorrectos. Espera { $unit ->
        [seconds]
            { $count ->
                [one] { $count } segundo
               *[other] { $count } segundos
            }
        [minute] un minuto
       *[minutes] { $count } minutos
    } antes de volver a intentarlo.
# $kind: pin o passphrase.
error-lock-wrong =
    { $kind ->
        [pin] Ese PIN no es correcto.
       *[passphrase] Esa frase de contraseña no es correcta.
    }
error-lock-unreadable = Homegroup guardó una copia dañada de tus datos que no puede leer, así que no puede protegerla. Acepta borrarla para activar el bloqueo.
error-auto-lock-choice = Elige de inmediato, 1, 5 o 15 minutos.
error-secret-too-long = Es demasiado largo: { $max } caracteres como máximo.
error-secret-empty = Escribe un PIN o una frase de contraseña.
error-pin-digits = Un PIN lleva solo dígitos (del 0 al 9).
error-pin-short = Un PIN necesita al menos { $min } dígitos.
error-passphrase-short = Una frase de contraseña necesita al menos { $min } caracteres.

## Datos guardados y archivos

error-storage-read-only = Homegroup no pudo guardar tus datos: la carpeta de datos es de solo lectura.
error-storage-disk-full = Homegroup no pudo guardar tus datos: el disco está lleno.
error-storage-cannot-open = Homegroup no pudo abrir su carpeta de datos. Revisa que exista y que se pueda escribir en ella.
error-storage-busy = Otra ventana o comando de Homegroup está usando los datos. Vuelve a intentarlo en un momento.
error-storage-damaged = El archivo de datos de Homegroup está dañado.
error-storage-permission = Homegroup no tiene permiso para leer o escribir en su carpeta de datos.
error-storage-other = Homegroup no pudo leer ni guardar tus datos.
error-migration = Homegroup no pudo poner al día tus datos guardados.
error-file-not-found = No se encontró el archivo o la carpeta.
error-file-permission = Homegroup no tiene permiso para leer o escribir ahí.
error-file-read-only = Ese lugar es de solo lectura: no se puede guardar nada ahí.
error-file-disk-full = El disco está lleno.
error-file-is-folder = Eso es una carpeta, no un archivo.
# $kind: las palabras del sistema para el problema, en inglés.
error-file-other = No se pudo leer ni escribir el archivo ({ $kind }).
# $detail: lo que encontró el código, en inglés.
error-data = Homegroup encontró datos que no esperaba ({ $detail }).
error-locked = Homegroup tiene el bloqueo activado.
# Algo que pidió una parte del código que todavía no está en el catálogo: $what en inglés.
error-not-found-text = No se encontró: { $what }.
error-copy-damaged = Esa copia está dañada y no se puede restaurar.
error-copy-not-found = No se encontró la copia “{ $name }”.

## Copias de seguridad

error-not-backup = Este archivo no es una copia de seguridad de Homegroup.
error-backup-damaged = Esta copia de seguridad está dañada y no se puede leer ({ $detail }).
error-backup-newer = Esta copia de seguridad la hizo una versión más nueva de Homegroup (versión de copia { $version }; esta lee hasta la { $supported }). Actualiza Homegroup y luego restáurala.
error-backup-passphrase-too-long = Esa frase de contraseña es demasiado larga: { $max } caracteres como máximo.
error-backup-passphrase-empty = Escribe una frase de contraseña.
error-backup-protected-damaged = Esta copia de seguridad protegida está dañada o incompleta (quizás no se copió completa), así que no se puede abrir.
error-backup-wrong-passphrase = Esa frase de contraseña no abre esta copia de seguridad.
error-backup-excessive-work = Esta copia de seguridad se protegió con mucho más trabajo del que Homegroup permite, así que abrirla aquí tardaría demasiado. Vuelve a hacer la copia con Homegroup.
error-backup-unknown-format = Esta copia de seguridad protegida usa un tipo de cifrado más nuevo del que esta versión de Homegroup puede leer. Actualiza Homegroup y luego restáurala.
error-backup-age-key = Este archivo está cifrado con una clave de age, no con una frase de contraseña, así que Homegroup no puede abrirlo. Las copias de seguridad de Homegroup se protegen con una frase de contraseña.
error-backup-needs-passphrase = Esta copia de seguridad está protegida con una frase de contraseña. Escríbela para abrir la copia.
error-backup-armored = Este archivo protegido está en la forma de texto de age (armored), que Homegroup no abre. Elige el archivo de copia de seguridad que guardó Homegroup.

## Personas y contactos

error-phone-format = Un número de teléfono lleva dígitos, con + al principio si quieres, y espacios, guiones, puntos o paréntesis.
error-other-contact = Escribe otro número de teléfono o un correo electrónico, o deja esto vacío.
error-person-group-gone = Ese grupo ya no está.
error-person-meeting-gone = Esa reunión ya no está.
error-person-not-found = No se encontró a esa persona.
# Un contacto que no se pudo agregar: su nombre y por qué.
error-contact = { $name }: { $problem }
vcard-too-large = Este archivo pesa más de 10 MB, mucho más de lo que necesita una lista de contactos. Exporta solo los contactos que quieras, o elige otro archivo.
vcard-too-many = Este archivo tiene más de 5000 contactos. Exporta una lista más corta (un grupo, o tus favoritos) y vuelve a intentarlo.
vcard-empty = Este archivo está vacío. Elige el archivo .vcf que exportó tu teléfono.
vcard-not-text = Este archivo no es de contactos: no se puede leer como texto. Elige el archivo .vcf que exportó tu teléfono.
vcard-not-vcard = Este archivo no es de contactos (vCard). Elige el archivo .vcf que exportó tu teléfono.
vcard-cut-off = Este archivo de contactos termina a mitad de un contacto, así que puede estar incompleto. Vuelve a exportar tus contactos.
vcard-damaged = Una parte de este archivo de contactos no se pudo leer, así que no se tomó nada de él. Vuelve a exportar tus contactos.
vcard-no-name = Este contacto no tiene nombre.
vcard-no-phone = Este contacto no tiene número de teléfono.

## Mis logros

error-count-date-format = Escribe una fecha, como 2025-09-20.
error-count-date-future = Esa fecha todavía no llega. Escribe el día desde el que empieza la cuenta.
error-count-date-too-early = Escribe una fecha a partir de 1900.
error-count-not-found = No se encontró esa cuenta.
milestone-hours =
    { $count ->
        [one] { $count } hora
       *[other] { $count } horas
    }
milestone-days =
    { $count ->
        [one] { $count } día
       *[other] { $count } días
    }
milestone-months =
    { $count ->
        [one] { $count } mes
       *[other] { $count } meses
    }
milestone-years =
    { $count ->
        [one] { $count } año
       *[other] { $count } años
    }
# $milestone: uno de los cuatro de arriba.
milestone-title = { $milestone } hoy
# Discreto: que hay un logro, nada más.
milestone-title-discreet = Un logro hoy
# Cuando la cuenta no tiene una descripción propia.
milestone-body = ¡Felicidades!

## Recordatorios: notificaciones y la bandeja ($at es un time-at)

reminder-starting-now = Empieza ahora
reminder-starts-in =
    Empieza en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }
reminder-starts-at = Empieza { $at }
# Discreto: sin reunión, comunidad, grupo ni lugar.
reminder-title-discreet = Reunión { $at }
reminder-title = { $name } { $at }
reminder-online = En línea
reminder-hybrid = En persona o en línea
reminder-hybrid-at = { $place } o en línea
reminder-body = { $when } · { $place }
tray-open = Abrir Homegroup
tray-reach-out = Pide apoyo
tray-people = Mi red de apoyo
tray-lock = Bloquear ahora
tray-quit = Salir de Homegroup…
quit-title = ¿Salir de Homegroup?
quit-body = Los recordatorios de reuniones se detienen hasta que vuelvas a abrir Homegroup.
quit-confirm = Salir
quit-keep = Seguir abierto
tray-idle = Homegroup
tray-next-discreet = Próxima reunión { $at }
tray-next = Próxima: { $name } { $at }
# La última notificación del plan que se guarda mientras la app está bloqueada.
nudge-title = Homegroup
nudge-body = Abre Homegroup para seguir recibiendo los recordatorios de tus reuniones.
reminders-unavailable = No se pueden mostrar recordatorios: ningún servicio de notificaciones respondió en esta computadora. Revisa que tu escritorio muestre notificaciones y luego reinicia Homegroup.
reminders-not-allowed = No se pueden mostrar recordatorios: las notificaciones de Homegroup no están permitidas en este teléfono. Permítelas en la configuración de notificaciones del teléfono para Homegroup.
# Los dos tipos de notificación en Android, como aparecen en la configuración del teléfono.
channel-reminders = Recordatorios de reuniones
channel-discreet = Recordatorios discretos

## Importar: el archivo completo

error-feed-unreadable = Este archivo no es una lista de reuniones que Homegroup pueda leer (línea { $line }, columna { $column }: { $detail }).
error-list-shrinks = Faltan { $leaving } de las { $before } reuniones que tenía esta lista la última vez. Cuando una lista pierde tantas de una vez, suele ser un error en su origen, así que no se importó nada.
error-list-no-zone = Esta lista no dice en qué zona horaria son sus reuniones. Elige una.

## Importar: una fila ($value es lo que el archivo tenía ahí)

import-not-object = Esta fila no es una reunión (no es un objeto JSON).
import-duplicate-slug = Una fila anterior tiene el mismo slug, así que esta se dejó fuera.
import-type-unknown = El código de tipo “{ $code }” no es conocido; se guarda tal como está.
import-type-unknown-for = El código de tipo “{ $code }” no es conocido en { $fellowship }; se guarda tal como está.
import-not-text = Esto no es texto, así que se dejó fuera.
import-cut = Tenía más de { $max } caracteres, así que se recortó el final.
import-not-web-link = “{ $value }” no es un enlace web (https://…), así que se dejó fuera.
import-not-dialable = “{ $value }” no es un número que un teléfono pueda marcar, así que se dejó fuera.
import-not-coordinate = Esta coordenada no se puede usar, así que se dejó fuera.
import-not-time-zone = “{ $value }” no es una zona horaria, así que se usa la zona de la lista.
import-types-not-list = Los tipos de reunión no vienen en una lista, así que se dejaron fuera.
import-not-type-code = “{ $value }” no es un código de tipo de reunión, así que se dejó fuera.
import-no-slug = Esta fila no tiene slug ni id, así que no se puede mantener al día.
import-no-id = Esta fila no tiene id, así que no se puede mantener al día.
import-no-name = Esta fila no tiene el nombre de la reunión.
import-day-left-out = { $value } no es un día del 0 (domingo) al 6, así que se dejó fuera.
import-day-text-left-out = “{ $value }” no es un día, así que se dejó fuera.
import-day-invalid = { $value } no es un día del 0 (domingo) al 6 (sábado).
import-no-valid-day = Ninguno de los días es un día del 0 (domingo) al 6.
import-time-without-day = La reunión tiene hora pero no día, así que se guarda sin horario fijo.
import-time-format = “{ $value }” no es una hora como 19:00 o 7:00 PM.
import-day-without-time = La reunión tiene día pero no hora.
import-end-time-format = “{ $value }” no es una hora, así que se toma que la reunión dura una hora.
import-attendance-unknown = “{ $value }” no es una forma de asistir conocida, así que se dedujo de la reunión.
import-bmlt-day = Esto no es un día del 1 (domingo) al 7 (sábado).
import-bmlt-time-format = “{ $value }” no es una hora como 19:00:00.
import-bmlt-duration = Esto no es una duración como 01:00:00, así que se toma que la reunión dura una hora.

## El archivo de calendario (exportar)

calendar-name = Homegroup: mis reuniones
calendar-join = Para unirte: { $url }
calendar-dial-in = Para llamar: { $phone }
