"""Words for the core's error codes, Vietnamese first and English second.

One table serves the CLI and the UI, so a resident at the kiosk and a technician at the shell
read the same sentence. Placeholders are str.format fields from KioskError.params.
"""
from __future__ import annotations

from kiosk.errors import KioskError

FIELD_NAMES = {
    "text": ("nội dung phản ánh", "the report text"),
    "address": ("địa chỉ hoặc địa danh", "the address or landmark"),
    "name": ("họ tên", "the name"),
    "service_name": ("tên dịch vụ", "the service name"),
    "volunteer_id": ("mã tình nguyện viên", "the volunteer id"),
    "volunteer_name": ("họ tên tình nguyện viên", "the volunteer's name"),
    "withdraw_reason": ("lý do rút phản ánh", "the reason for withdrawing"),
}

MESSAGES: dict[str, tuple[str, str]] = {
    "text_required": ("Xin nhập {field}.", "Please enter {field}."),
    "text_too_long": ("{Field} dài {length} ký tự, vượt quá {limit} ký tự cho phép.",
                      "{Field} has {length} characters; the limit is {limit}."),
    "text_invalid": ("{Field} có ký tự không hợp lệ. Xin nhập lại.",
                     "{Field} contains characters that are not allowed. Please type it again."),
    "category_unknown": ("Không có lĩnh vực “{category}”.", "There is no category “{category}”."),
    "hamlet_unknown": ("Không có ấp/khu phố “{hamlet}” trong danh sách của xã.",
                       "“{hamlet}” is not in the commune's list of hamlets."),
    "location_invalid": ("Tọa độ không hợp lệ: cần cả vĩ độ (−90…90) và kinh độ (−180…180).",
                         "Invalid coordinates: both latitude (−90…90) and longitude (−180…180) are needed."),
    "phone_invalid": ("Số điện thoại không đúng. Số Việt Nam gồm 10 hoặc 11 chữ số, bắt đầu bằng 0.",
                      "That phone number is not valid: a Vietnamese number has 10 or 11 digits starting with 0."),
    "contact_needs_consent": ("Muốn để lại họ tên hoặc số điện thoại, xin đánh dấu ô đồng ý. "
                              "Nếu không, phản ánh sẽ được gửi ẩn danh.",
                              "To leave a name or phone number, please tick the consent box. "
                              "Otherwise the report is sent anonymously."),
    "too_many_photos": ("Chỉ được gửi tối đa {limit} ảnh.", "At most {limit} photos can be sent."),
    "photo_too_large": ("Ảnh quá lớn (tối đa {limit_mb} MB). Xin chụp lại hoặc chọn ảnh khác.",
                        "The photo is too large (at most {limit_mb} MB). Please take or choose another."),
    "photo_format": ("Chỉ nhận ảnh JPEG hoặc PNG.", "Only JPEG or PNG photos are accepted."),
    "photo_too_big_pixels": ("Ảnh có kích thước quá lớn, máy không xử lý được. Xin chọn ảnh khác.",
                             "The picture's dimensions are too large to process. Please choose another."),
    "photo_corrupt": ("Ảnh bị hỏng hoặc không đọc được. Xin chụp lại.",
                      "The photo is damaged or unreadable. Please take it again."),
    "photo_unreadable": ("Không đọc được tệp ảnh “{path}”.", "Cannot read the photo file “{path}”."),
    "disk_low": ("Bộ nhớ máy sắp đầy (còn {free_mb} MB, cần ít nhất {min_mb} MB). Máy tạm không "
                 "nhận phản ánh mới; xin báo cán bộ xã.",
                 "The device is almost out of storage ({free_mb} MB free, {min_mb} MB needed). "
                 "New reports are paused; please tell a staff member."),
    "disk_full": ("Bộ nhớ máy đã đầy nên phản ánh chưa được lưu. Xin báo cán bộ xã.",
                  "The device's storage is full, so the report was not saved. Please tell a staff member."),
    "store_write_failed": ("Không ghi được dữ liệu vào máy nên phản ánh chưa được lưu. Xin báo cán bộ xã.",
                           "The device could not write its data, so the report was not saved. "
                           "Please tell a staff member."),
    "store_too_new": ("Dữ liệu trên máy thuộc phiên bản mới hơn ({found}) so với phần mềm này "
                      "({supported}). Xin cập nhật phần mềm Cầu Nối.",
                      "The data on this device is from a newer version ({found}) than this "
                      "software supports ({supported}). Please update Cầu Nối."),
    "store_unreadable": ("Không mở được tệp dữ liệu {path}.", "Cannot open the data file {path}."),
    "code_invalid": ("Mã không đúng. Mã gồm 11 ký tự, ví dụ K7QM-2XPD-9RW; xin kiểm tra lại phiếu.",
                     "That code is not valid. Codes have 11 characters, e.g. K7QM-2XPD-9RW; "
                     "please check the receipt."),
    "report_not_found": ("Không tìm thấy phản ánh với mã này.", "No report has this code."),
    "pin_format": ("Mã PIN gồm {min} đến {max} chữ số.", "A PIN has {min} to {max} digits."),
    "pin_too_simple": ("Mã PIN quá dễ đoán (các số giống nhau hoặc liên tiếp). Xin chọn mã khác.",
                       "That PIN is too easy to guess (repeated or consecutive digits). Choose another."),
    "pin_not_set": ("Chưa đặt mã PIN cho vai trò này.", "No PIN has been set for this role."),
    "role_unknown": ("Không có vai trò “{role}”.", "There is no role “{role}”."),
    "queue_closed": ("Đã ngừng cấp số thứ tự. Mời bạn quay lại lúc {reopens}.",
                     "Queue numbers are not being issued now. Please come back at {reopens}."),
    "queue_closed_no_hours": ("Hiện không cấp số thứ tự và chưa có lịch làm việc tiếp theo. "
                              "Xin hỏi cán bộ xã.",
                              "Queue numbers are not issued now and no opening hours are set. "
                              "Please ask a staff member."),
    "queue_rate_limited": ("Máy vừa cấp {limit} số trong một phút. Xin đợi một chút rồi lấy số.",
                           "This kiosk just issued {limit} numbers within a minute. Please wait "
                           "a moment before taking another."),
    "queue_service_unknown": ("Không có dịch vụ “{service}” hoặc dịch vụ đang tạm ngừng.",
                              "There is no service “{service}”, or it is paused."),
    "queue_counter_unknown": ("Không có quầy số {counter}.", "There is no counter {counter}."),
    "queue_counter_idle": ("Quầy {counter} chưa gọi số nào. Xin bấm “Gọi số tiếp”.",
                           "Counter {counter} has no number called. Press “Call next” first."),
    "queue_ticket_unknown": ("Không tìm thấy số thứ tự này.", "This queue ticket was not found."),
    "queue_ticket_done": ("Số {ticket} đã kết thúc, không thực hiện được thao tác này.",
                          "Ticket {ticket} is already closed; this action is not possible."),
    "queue_transfer_same": ("Số này đang ở dịch vụ đó rồi.",
                            "This ticket is already in that service."),
    "queue_booking_unknown": ("Không tìm thấy mã đặt hẹn “{booking}”. Xin kiểm tra lại mã.",
                              "No booking has the code “{booking}”. Please check it."),
    "queue_booking_used": ("Mã đặt hẹn {booking} đã được dùng để lấy số {ticket}.",
                           "Booking {booking} was already used for ticket {ticket}."),
    "queue_booking_service": ("Mã đặt hẹn {booking} thuộc một dịch vụ khác.",
                              "Booking {booking} is for another service."),
    "queue_booking_other_day": ("Lịch hẹn {booking} là ngày {day} lúc {time}. Mời bạn quay lại "
                                "đúng ngày hẹn.",
                                "Booking {booking} is on {day} at {time}. Please come back that day."),
    "queue_booking_row": ("Tệp lịch hẹn có lỗi ở dòng {row} (“{value}”); chưa nhập lịch hẹn nào.",
                          "The bookings file has an error in row {row} (“{value}”); nothing "
                          "was imported."),
    "queue_booking_file_unreadable": ("Không đọc được tệp lịch hẹn {path} (cần JSON hoặc CSV, "
                                      "UTF-8, tối đa 5 MB).",
                                      "Cannot read the bookings file {path} (JSON or CSV, "
                                      "UTF-8, at most 5 MB)."),
    "queue_rating_level": ("Mức đánh giá không hợp lệ.", "That rating level is not valid."),
    "queue_already_rated": ("Số {ticket} đã được đánh giá. Cảm ơn bạn!",
                            "Ticket {ticket} has already been rated. Thank you!"),
    "queue_prefix_invalid": ("Ký hiệu dịch vụ phải là một chữ cái A–Z.",
                             "A service prefix is one letter A–Z."),
    "queue_prefix_taken": ("Ký hiệu {prefix} đang dùng cho dịch vụ {service}.",
                           "Prefix {prefix} is already used by service {service}."),
    "queue_counter_no_service": ("Quầy {counter} phải phục vụ ít nhất một dịch vụ.",
                                 "Counter {counter} must serve at least one service."),
    "queue_priority_every": ("Số lượt thường giữa hai lượt ưu tiên phải từ 1 đến {max}.",
                             "The number of normal calls between two priority calls must be "
                             "from 1 to {max}."),
    "queue_priority_mode": ("Cách gọi số ưu tiên phải là xen kẽ hoặc luôn ưu tiên trước.",
                            "The priority rule must be interleaved or strict."),
    "queue_rate_invalid": ("Số phiếu tối đa mỗi phút ở máy lấy số phải từ 1 đến {max}.",
                           "The kiosk's tickets per minute must be from 1 to {max}."),
    "queue_hours_invalid": ("Lịch làm việc không đúng định dạng (ở “{value}”). Xin xuất lịch "
                            "hiện tại bằng lệnh `queue admin hours --json` rồi sửa theo mẫu đó.",
                            "The office hours are not in the expected form (at “{value}”). "
                            "Print the current ones with `queue admin hours --json` and edit "
                            "that."),
    "queue_hours_time": ("Giờ “{value}” ngày {day_vi} không hợp lệ; xin ghi theo dạng GG:PP, "
                         "ví dụ 07:30.",
                         "“{value}” on {day_en} is not a valid time; write it as HH:MM, "
                         "e.g. 07:30."),
    "queue_hours_order": ("{day_vi}: giờ mở cửa ({open}) phải trước giờ đóng cửa ({close}).",
                          "{day_en}: opening ({open}) must be before closing ({close})."),
    "queue_hours_lunch": ("{day_vi}: giờ nghỉ trưa {start}–{end} phải nằm trong giờ làm việc "
                          "{open}–{close}.",
                          "{day_en}: the lunch break {start}–{end} must lie within the opening "
                          "hours {open}–{close}."),
    "queue_hours_stop": ("Thời gian ngừng cấp số trước giờ đóng cửa phải từ 0 đến {max} phút.",
                         "Stopping before closing must be from 0 to {max} minutes."),
    "queue_hours_file_unreadable": ("Không đọc được tệp lịch làm việc {path} (cần JSON, UTF-8).",
                                    "Cannot read the office hours file {path} (JSON, UTF-8)."),
    "printer_offline": ("Không kết nối được máy in. Xin kiểm tra máy in đã bật, cáp/mạng đã "
                        "cắm, rồi bấm “In lại”.",
                        "Cannot connect to the printer. Check that it is on and its cable or "
                        "network is plugged in, then press “Reprint”."),
    "printer_timeout": ("Máy in không phản hồi. Xin kiểm tra máy in rồi bấm “In lại”.",
                        "The printer is not responding. Please check it, then press “Reprint”."),
    "printer_no_paper": ("Máy in hết giấy. Xin thay cuộn giấy rồi bấm “In lại”.",
                         "The printer is out of paper. Please load a new roll, then press "
                         "“Reprint”."),
    "printer_cover_open": ("Nắp máy in đang mở. Xin đóng nắp rồi bấm “In lại”.",
                           "The printer cover is open. Please close it, then press “Reprint”."),
    "printer_url_invalid": ("Địa chỉ máy in “{url}” không đúng. Ví dụ: pdf:, system:Tên máy in, "
                            "escpos+tcp://192.168.1.50:9100, escpos+usb://04b8:0202, "
                            "escpos+serial:///dev/ttyUSB0.",
                            "The printer address “{url}” is not valid. Examples: pdf:, "
                            "system:Printer name, escpos+tcp://192.168.1.50:9100, "
                            "escpos+usb://04b8:0202, escpos+serial:///dev/ttyUSB0."),
    "printer_paper_invalid": ("Khổ giấy “{paper}” không hợp lệ (80mm, 58mm, A5 hoặc A4).",
                              "Paper size “{paper}” is not valid (80mm, 58mm, A5 or A4)."),
    "printer_not_found": ("Không tìm thấy máy in “{name}” trong máy tính.",
                          "No printer named “{name}” is installed on this computer."),
    "printer_system_needs_ui": ("Máy in hệ thống ({url}) chỉ in được từ ứng dụng, không in "
                                "được từ dòng lệnh.",
                                "A system printer ({url}) can only print from the application, "
                                "not from the command line."),
    "printer_document_unreadable": ("Không đọc được tệp phiếu để in ({path}).",
                                    "Cannot read the receipt file to print ({path})."),
    "printer_failed": ("In không thành công. Xin thử “In lại” hoặc báo cán bộ xã.",
                       "Printing failed. Please try “Reprint” or tell a staff member."),
    # The same printer problems told at the shell (cli/print_cmd.py): no “In lại” button there.
    "printer_offline_cli": ("Không kết nối được máy in. Xin kiểm tra máy in đã bật, cáp/mạng đã "
                            "cắm, rồi chạy lại lệnh “print {ref}”. Phiếu đã được lưu.",
                            "Cannot connect to the printer. Check that it is on and its cable or "
                            "network is plugged in, then run “print {ref}” again. The document "
                            "is saved."),
    "printer_timeout_cli": ("Máy in không phản hồi. Xin kiểm tra máy in rồi chạy lại lệnh "
                            "“print {ref}”. Phiếu đã được lưu.",
                            "The printer is not responding. Please check it, then run "
                            "“print {ref}” again. The document is saved."),
    "printer_no_paper_cli": ("Máy in hết giấy. Xin thay cuộn giấy rồi chạy lại lệnh "
                             "“print {ref}”. Phiếu đã được lưu.",
                             "The printer is out of paper. Please load a new roll, then run "
                             "“print {ref}” again. The document is saved."),
    "printer_cover_open_cli": ("Nắp máy in đang mở. Xin đóng nắp rồi chạy lại lệnh "
                               "“print {ref}”. Phiếu đã được lưu.",
                               "The printer cover is open. Please close it, then run "
                               "“print {ref}” again. The document is saved."),
    "printer_failed_cli": ("In không thành công. Xin chạy lại lệnh “print {ref}” hoặc xem "
                           "“print recent”. Phiếu đã được lưu.",
                           "Printing failed. Please run “print {ref}” again or see "
                           "“print recent”. The document is saved."),
    # Office hub (kiosk/hub): stations on other PCs talk to the queue over the LAN.
    "hub_unreachable": ("Không kết nối được máy chủ của xã (máy hub) tại {url}. Xin kiểm tra máy "
                        "hub đã bật và dây mạng; máy sẽ tự thử lại. Thao tác vừa rồi CHƯA được "
                        "ghi nhận.",
                        "Cannot reach the office hub at {url}. Check that the hub PC is on and "
                        "the network cable; this station keeps retrying. The last action was NOT "
                        "recorded."),
    "hub_unpaired": ("Máy này chưa được ghép nối với máy hub của xã. Xin lấy mã ghép nối trên máy "
                     "hub (hub pair-code) rồi chạy “hub pair”.",
                     "This station is not paired with the office hub. Get a pairing code on the "
                     "hub (hub pair-code), then run “hub pair”."),
    "hub_pair_code_invalid": ("Mã ghép nối không đúng, đã dùng hoặc đã hết hạn (10 phút). Xin lấy "
                              "mã mới trên máy hub.",
                              "The pairing code is wrong, already used or expired (10 minutes). "
                              "Get a new code on the hub."),
    "hub_token_revoked": ("Máy hub đã thu hồi quyền của máy này. Xin lấy mã ghép nối mới trên máy "
                          "hub rồi ghép nối lại.",
                          "The office hub has revoked this station. Get a new pairing code on the "
                          "hub and pair again."),
    "hub_pairing_locked": ("Đã nhập sai mã ghép nối quá nhiều lần. Máy hub tạm khóa việc ghép nối "
                           "trong {minutes} phút; xin chờ rồi thử lại với mã mới.",
                           "Too many wrong pairing codes. The hub has locked pairing for "
                           "{minutes} minutes; please wait, then try again with a new code."),
    "hub_station_unknown": ("Không có máy trạm nào đang ghép nối với mã số hoặc tên “{station}”.",
                            "No paired station has the id or name “{station}”."),
    "hub_request_applied": ("Thao tác đã được máy hub thực hiện trước đó; xin xem lại màn hình.",
                            "The hub already carried out this action; please check the screen."),
    "hub_local_only": ("Lệnh này chỉ chạy được ngay trên máy hub, không qua mạng.",
                       "This command only runs on the hub PC itself, not over the network."),
    "hub_bad_request": ("Máy hub không hiểu yêu cầu ({detail}). Xin cập nhật phần mềm cho đồng bộ.",
                        "The hub did not understand the request ({detail}). Please update both "
                        "PCs to the same version."),
    "hub_port_busy": ("Không mở được cổng {port} trên {host} cho máy hub (cổng đang bận?).",
                      "Cannot open port {port} on {host} for the hub (is it in use?)."),
}


# The other parts' words live beside them, one table per part, so each part's sentences stay
# together; later tables may refine an earlier one's sentence for a shared code.
from kiosk import (messages_backup, messages_import, messages_link,  # noqa: E402
                   messages_lookup, messages_privacy, messages_sync, messages_transfer,
                   messages_volunteer)

for _part in (messages_import, messages_link, messages_lookup, messages_sync, messages_privacy,
              messages_transfer, messages_backup, messages_volunteer):
    MESSAGES.update(_part.MESSAGES)


# What an operating-system error means, in words (KioskError param `os_error`: the errno name,
# see os_error_name). The OS's own text is English and goes to the log only.
OS_REASONS: dict[str, tuple[str, str]] = {
    "ENOENT": ("không có tệp hoặc thư mục này", "there is no such file or folder"),
    "EACCES": ("không có quyền truy cập", "permission denied"),
    "EPERM": ("không có quyền truy cập", "permission denied"),
    "EISDIR": ("đây là một thư mục, không phải tệp", "this is a folder, not a file"),
    "ENOTDIR": ("một phần của đường dẫn không phải là thư mục",
                "part of the path is not a folder"),
    "ENOSPC": ("đĩa hoặc USB đã hết chỗ trống", "the disk or USB stick is full"),
    "EROFS": ("đĩa hoặc USB chỉ cho phép đọc, không ghi được",
              "the disk or USB stick is read-only"),
    "EIO": ("lỗi đọc/ghi thiết bị (USB bị rút ra hoặc hỏng?)",
            "a device input/output error (USB stick removed or faulty?)"),
}
OS_REASON_OTHER = ("hệ điều hành báo lỗi (chi tiết đã được ghi vào nhật ký)",
                   "the operating system reported an error (details are in the log)")


def os_error_name(exc: OSError) -> str:
    """The errno name of an OSError ('ENOENT'…), logging the OS's own words for a technician."""
    import errno
    import logging

    name = errno.errorcode.get(exc.errno or 0, "") if exc.errno else ""
    logging.getLogger("caunoi.os").warning("OS error %s: %s", name or type(exc).__name__, exc)
    return name or "OTHER"


def describe(error: KioskError, lang: str = "vi") -> str:
    """The sentence for a KioskError, in 'vi' or 'en'."""
    index = 1 if lang == "en" else 0
    template = MESSAGES.get(error.code, ("Lỗi: {code}", "Error: {code}"))[index]
    params = dict(error.params, code=error.code)
    if "os_error" in params:
        params["detail"] = OS_REASONS.get(str(params["os_error"]), OS_REASON_OTHER)[index]
    field = FIELD_NAMES.get(str(params.get("field", "")))
    if field:
        params["field"] = field[index]
        params["Field"] = field[index][:1].upper() + field[index][1:]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
