<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
    <context>
        <name>ActionPanel</name>
        <message>
            <location filename="../../ui/staff/queue_panels.py" line="+66" />
            <source>Call next</source>
            <translation>Gọi số tiếp theo</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Call again</source>
            <translation>Gọi lại</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Start serving</source>
            <translation>Bắt đầu phục vụ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Did not come</source>
            <translation>Vắng mặt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Transfer to another service</source>
            <translation>Chuyển dịch vụ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Finished</source>
            <translation>Hoàn thành</translation>
        </message>
    </context>
    <context>
        <name>AdminOverlay</name>
        <message>
            <location filename="../../ui/admin_gesture.py" line="+143" />
            <source>Back to the kiosk</source>
            <translation>Quay lại màn hình kiosk</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Administrator</source>
            <translation>Quản trị viên</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open the administration screen</source>
            <translation>Mở màn hình quản trị</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Quit the application</source>
            <translation>Thoát ứng dụng</translation>
        </message>
    </context>
    <context>
        <name>AdminWindow</name>
        <message>
            <location filename="../../ui/staff/admin.py" line="+177" />
            <source>Quit the application</source>
            <translation>Thoát ứng dụng</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Office and device</source>
            <translation>Cơ quan và thiết bị</translation>
        </message>
        <message>
            <location line="+1" />
            <source>One-stop services</source>
            <translation>Dịch vụ một cửa</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sync</source>
            <translation>Đồng bộ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Figures</source>
            <translation>Số liệu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>USB and paper forms</source>
            <translation>USB và phiếu giấy</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Office</source>
            <translation>Cơ quan</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This device</source>
            <translation>Thiết bị này</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Commune code</source>
            <translation>Mã xã</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Province</source>
            <translation>Tỉnh</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Address</source>
            <translation>Địa chỉ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hotline</source>
            <translation>Đường dây nóng</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Demo data</source>
            <translation>Dữ liệu mẫu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Data folder</source>
            <translation>Thư mục dữ liệu</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Free disk space</source>
            <translation>Dung lượng trống</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reports waiting to sync</source>
            <translation>Phản ánh chờ đồng bộ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Device clock</source>
            <translation>Đồng hồ thiết bị</translation>
        </message>
        <message numerus="yes">
            <location line="+21" />
            <source>%n, not yet sent to the province</source>
            <translation>
                <numerusform>%n, chưa gửi lên tỉnh</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>0, everything has been sent</source>
            <translation>0, đã gửi hết</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The device clock is running behind: it reads {now}, but data already exists from {newest}. Please correct the date and time; new reports will not be timestamped earlier than the data already recorded.</source>
            <translation>Đồng hồ máy đang chạy lùi: máy báo {now}, nhưng đã có dữ liệu lúc {newest}. Xin chỉnh lại ngày giờ; phản ánh mới sẽ không được ghi thời gian sớm hơn dữ liệu đã có.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Not set up: the office catalog has not been loaded</source>
            <translation>Chưa thiết lập: chưa nạp danh mục của cơ quan</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Yes: demonstration data, not a real office</source>
            <translation>Có: dữ liệu trình diễn, không phải cơ quan thật</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No</source>
            <translation>Không</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../ui/app.py" line="+133" />
            <source>The application could not start. The details were written to the log; please tell a staff member.</source>
            <translation>Phần mềm không khởi động được. Chi tiết đã được ghi vào nhật ký; xin báo cán bộ xã.</translation>
        </message>
    </context>
    <context>
        <name>BackupBox</name>
        <message>
            <location filename="../../ui/staff/backup_admin.py" line="+116" />
            <source>Backup and restore</source>
            <translation>Sao lưu và khôi phục</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A backup holds every report, photo and queue record of this device and the key for residents' contact details, encrypted with a passphrase you choose. Keep the passphrase apart from the USB stick: without it the backup cannot be opened.</source>
            <translation>Bản sao lưu chứa mọi phản ánh, ảnh và dữ liệu xếp hàng của máy này cùng khóa bảo vệ thông tin liên hệ của người dân, được mã hóa bằng mật khẩu do anh/chị chọn. Cất mật khẩu riêng, không để cùng USB: không có mật khẩu thì không mở được bản sao lưu.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Save the backup in</source>
            <translation>Lưu bản sao lưu vào</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Backup passphrase</source>
            <translation>Mật khẩu sao lưu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Passphrase again</source>
            <translation>Nhập lại mật khẩu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Backup file to restore</source>
            <translation>Tệp sao lưu cần khôi phục</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Its passphrase</source>
            <translation>Mật khẩu của tệp đó</translation>
        </message>
        <message>
            <location line="+8" />
            <source>for example /media/usb/caunoi-….caunoi-backup</source>
            <translation>ví dụ /media/usb/caunoi-….caunoi-backup</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Make a backup</source>
            <translation>Sao lưu ngay</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restore this backup</source>
            <translation>Khôi phục bản sao lưu này</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Replace the data already on this device (it is backed up first, with the same passphrase)</source>
            <translation>Thay thế dữ liệu đang có trên máy này (dữ liệu đó được sao lưu trước, bằng cùng mật khẩu)</translation>
        </message>
        <message>
            <location line="+19" />
            <source>The operation failed unexpectedly; the details were written to the log.</source>
            <translation>Thao tác bị lỗi không mong đợi; chi tiết đã được ghi vào nhật ký.</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Making the backup…</source>
            <translation>Đang sao lưu…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Backup saved: {path}. Reports in it: {reports}; photos: {photos}.</source>
            <translation>Đã lưu bản sao lưu: {path}. Số phản ánh: {reports}; số ảnh: {photos}.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Type the path of the backup file first.</source>
            <translation>Xin nhập đường dẫn của tệp sao lưu trước.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Restoring…</source>
            <translation>Đang khôi phục…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Restored. Reports: {reports}; still to be sent: {pending}. This device must now be enrolled again (Sync tab, a new code from the province); then restart the application.</source>
            <translation>Đã khôi phục. Số phản ánh: {reports}; còn chờ gửi: {pending}. Máy này cần được đăng ký lại với máy chủ tỉnh (thẻ Đồng bộ, mã mới do tỉnh cấp), sau đó khởi động lại ứng dụng.</translation>
        </message>
    </context>
    <context>
        <name>CategoryScreen</name>
        <message>
            <location filename="../../ui/screens/category.py" line="+26" />
            <source>What is your report about?</source>
            <translation>Bạn muốn phản ánh về lĩnh vực nào?</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Before the first report: who is taking reports on this laptop?</source>
            <translation>Trước phản ánh đầu tiên: ai nhận phản ánh trên máy này?</translation>
        </message>
    </context>
    <context>
        <name>ClerkConsole</name>
        <message>
            <location filename="../../ui/staff/clerk.py" line="+107" />
            <source>Refresh</source>
            <translation>Làm mới</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Find by code (e.g. K7QM-2XPD-9RW) or by words</source>
            <translation>Tìm theo mã (ví dụ K7QM-2XPD-9RW) hoặc theo từ khóa</translation>
        </message>
        <message numerus="yes">
            <location line="+32" />
            <source>Reports: %n</source>
            <translation>
                <numerusform>Số phản ánh: %n</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>Showing {shown} of {total}</source>
            <translation>Đang hiển thị {shown}/{total}</translation>
        </message>
    </context>
    <context>
        <name>ClerkWindow</name>
        <message>
            <location filename="../../ui/staff/clerk_window.py" line="+104" />
            <source>Queue</source>
            <translation>Hàng đợi</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reports</source>
            <translation>Phản ánh</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Printing</source>
            <translation>In phiếu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Figures</source>
            <translation>Số liệu</translation>
        </message>
    </context>
    <context>
        <name>CodeKeys</name>
        <message>
            <location filename="../../ui/screens/code_keys.py" line="+32" />
            <source>Delete</source>
            <translation>Xóa</translation>
        </message>
    </context>
    <context>
        <name>CounterPicker</name>
        <message>
            <location filename="../../ui/staff/clerk_window.py" line="-53" />
            <source>Which counter is this?</source>
            <translation>Máy này là quầy nào?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose the counter this computer serves. Its number is shown on the board when you call.</source>
            <translation>Chọn quầy mà máy tính này phục vụ. Số quầy sẽ hiện trên bảng điện tử khi anh/chị gọi số.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Counter {n}</source>
            <translation>Quầy {n}</translation>
        </message>
        <message>
            <location line="+15" />
            <source>The counters could not be read. Please restart the console or tell the administrator.</source>
            <translation>Không đọc được danh sách quầy. Xin khởi động lại chương trình hoặc báo quản trị viên.</translation>
        </message>
    </context>
    <context>
        <name>CurrentCard</name>
        <message>
            <location filename="../../ui/staff/queue_card.py" line="+39" />
            <source>At the counter now</source>
            <translation>Đang ở quầy</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Free — press “Call next”</source>
            <translation>Quầy trống — bấm “Gọi số tiếp theo”</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Free — nobody is waiting</source>
            <translation>Quầy trống — không có ai đang chờ</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Called — waiting for the resident to come</source>
            <translation>Đã gọi — đang chờ người dân đến</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Being served</source>
            <translation>Đang phục vụ</translation>
        </message>
        <message>
            <location line="+5" />
            <source>taken {taken}, called {called}</source>
            <translation>lấy số {taken}, gọi {called}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Priority</source>
            <translation>Ưu tiên</translation>
        </message>
    </context>
    <context>
        <name>DescribeScreen</name>
        <message>
            <location filename="../../ui/screens/describe.py" line="+23" />
            <source>What happened? Please describe it.</source>
            <translation>Đã xảy ra chuyện gì? Xin mô tả.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Say what, where and since when, for example: the street light at the start of the hamlet has been off for a week.</source>
            <translation>Nói rõ việc gì, ở đâu, từ khi nào; ví dụ: đèn đường ở đầu ấp không sáng đã một tuần.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Type here…</source>
            <translation>Nhập nội dung tại đây…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Next</source>
            <translation>Tiếp tục</translation>
        </message>
        <message>
            <location line="+13" />
            <source>{count}/{limit} characters</source>
            <translation>{count}/{limit} ký tự</translation>
        </message>
    </context>
    <context>
        <name>EditReportDialog</name>
        <message>
            <location filename="../../ui/staff/volunteer_list.py" line="+152" />
            <source>Edit report</source>
            <translation>Sửa phản ánh</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Report {code}: the corrected report replaces the one waiting to be sent. The resident's receipt and code stay the same.</source>
            <translation>Phản ánh {code}: bản đã sửa thay cho bản đang chờ gửi. Phiếu và mã tra cứu của người dân giữ nguyên.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Category</source>
            <translation>Lĩnh vực</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Report text</source>
            <translation>Nội dung phản ánh</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hamlet</source>
            <translation>Ấp</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Coordinates</source>
            <translation>Tọa độ</translation>
        </message>
        <message>
            <location line="+2" />
            <source>(not given)</source>
            <translation>(không ghi)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Latitude, e.g. 10.4562</source>
            <translation>Vĩ độ, ví dụ 10.4562</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Longitude, e.g. 105.6321</source>
            <translation>Kinh độ, ví dụ 105.6321</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Latitude</source>
            <translation>Vĩ độ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Longitude</source>
            <translation>Kinh độ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the change</source>
            <translation>Lưu thay đổi</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Saving…</source>
            <translation>Đang lưu…</translation>
        </message>
        <message>
            <location line="+20" />
            <source>The change could not be saved. Please try again.</source>
            <translation>Chưa lưu được thay đổi. Xin thử lại.</translation>
        </message>
    </context>
    <context>
        <name>FiguresScreen</name>
        <message>
            <location filename="../../ui/staff/figures.py" line="+211" />
            <source>The figures could not be read. Please try again or tell the administrator.</source>
            <translation>Không đọc được số liệu. Vui lòng thử lại hoặc báo quản trị viên.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Month {month}/{year}</source>
            <translation>Tháng {month}/{year}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>‹ Previous month</source>
            <translation>‹ Tháng trước</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Next month ›</source>
            <translation>Tháng sau ›</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save PDF</source>
            <translation>Lưu PDF</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reports received by category</source>
            <translation>Phản ánh, kiến nghị tiếp nhận theo lĩnh vực</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Answered on time</source>
            <translation>Trả lời đúng hạn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Satisfaction</source>
            <translation>Mức độ hài lòng</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Satisfied</source>
            <translation>Hài lòng</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Acceptable</source>
            <translation>Chấp nhận được</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unsatisfied</source>
            <translation>Không hài lòng</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Reports received by category: {n} this month</source>
            <translation>Phản ánh, kiến nghị theo lĩnh vực: {n} trong tháng</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Reports due this month answered (resolved or rejected) on or before their due date. Not answered yet: {open}.</source>
            <translation>Phản ánh đến hạn trong tháng được trả lời (đã giải quyết hoặc từ chối) vào hoặc trước ngày hẹn. Chưa trả lời: {open}.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No report fell due this month.</source>
            <translation>Trong tháng không có phản ánh nào đến hạn trả lời.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{n} ratings: {queue} of counter service, {reports} of report answers.</source>
            <translation>{n} lượt đánh giá: {queue} về phục vụ tại quầy, {reports} về kết quả giải quyết phản ánh.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Saving the PDF…</source>
            <translation>Đang lưu PDF…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>PDF saved: {path}</source>
            <translation>Đã lưu PDF: {path}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The PDF could not be saved. Check the free disk space and try again.</source>
            <translation>Không lưu được PDF. Hãy kiểm tra dung lượng đĩa còn trống rồi thử lại.</translation>
        </message>
    </context>
    <context>
        <name>FiguresTable</name>
        <message>
            <location filename="../../ui/staff/queue_tables.py" line="+87" />
            <source>Service</source>
            <translation>Dịch vụ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Issued</source>
            <translation>Đã cấp</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Done</source>
            <translation>Xong</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Absent</source>
            <translation>Vắng</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Wait</source>
            <translation>Chờ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Serve</source>
            <translation>Phục vụ</translation>
        </message>
    </context>
    <context>
        <name>FiledListPage</name>
        <message>
            <location filename="../../ui/staff/volunteer_list.py" line="+173" />
            <source>Volunteer on this laptop</source>
            <translation>Tình nguyện viên trên máy này</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reports taken on this laptop</source>
            <translation>Phản ánh đã nhận trên máy này</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show:</source>
            <translation>Xem:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All reports</source>
            <translation>Tất cả phản ánh</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Code</source>
            <translation>Mã</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Taken on</source>
            <translation>Ngày nhận</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Category</source>
            <translation>Lĩnh vực</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Hamlet</source>
            <translation>Ấp</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Taken by</source>
            <translation>Người nhận hộ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>State</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Edit…</source>
            <translation>Sửa…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Withdraw report…</source>
            <translation>Rút phản ánh…</translation>
        </message>
        <message numerus="yes">
            <location line="+23" />
            <source>%n report(s) shown</source>
            <translation>
                <numerusform>Đang hiện %n phản ánh</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source> (of {total})</source>
            <translation> (trong tổng số {total})</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Choose a report to edit or withdraw it.</source>
            <translation>Chọn một phản ánh để sửa hoặc rút.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Not sent yet: it can still be edited or withdrawn.</source>
            <translation>Chưa gửi đi: vẫn còn sửa hoặc rút được.</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Report {code} was changed; the new version waits to be sent.</source>
            <translation>Đã sửa phản ánh {code}; bản mới đang chờ gửi.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Report {code} was withdrawn; it will not be sent.</source>
            <translation>Đã rút phản ánh {code}; phản ánh này sẽ không được gửi đi.</translation>
        </message>
    </context>
    <context>
        <name>FiledScreen</name>
        <message>
            <location filename="../../ui/screens/filed.py" line="+33" />
            <source>Receipts filed on this device</source>
            <translation>Các phiếu đã nộp trên máy này</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Find by code, e.g. K7QM-2XPD-9RW</source>
            <translation>Tìm theo mã, ví dụ K7QM-2XPD-9RW</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Find by code</source>
            <translation>Tìm theo mã</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Receipts</source>
            <translation>Danh sách phiếu</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Print again</source>
            <translation>In lại phiếu</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open the receipt PDF</source>
            <translation>Mở phiếu PDF</translation>
        </message>
        <message>
            <location line="+39" />
            <source>Printing…</source>
            <translation>Đang in…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>This device saves receipts as PDF only: open the PDF to print it.</source>
            <translation>Máy này chỉ lưu phiếu dạng PDF: hãy mở tệp PDF để in.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Printed.</source>
            <translation>Đã in.</translation>
        </message>
    </context>
    <context>
        <name>HomeScreen</name>
        <message>
            <location filename="../../ui/screens/home.py" line="+24" />
            <source>Welcome. Touch a task below to begin.</source>
            <translation>Xin chào. Chạm vào một mục bên dưới để bắt đầu.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Take a number</source>
            <translation>Lấy số thứ tự</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Report a problem or make a request</source>
            <translation>Gửi phản ánh, kiến nghị</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Receipts filed here</source>
            <translation>Phiếu đã nộp</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Look up a report or dossier</source>
            <translation>Tra cứu phản ánh, hồ sơ</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Results of reports</source>
            <translation>Kết quả xử lý phản ánh</translation>
        </message>
    </context>
    <context>
        <name>HoursEditor</name>
        <message>
            <location filename="../../ui/staff/queue_hours.py" line="+109" />
            <source>Office hours for issuing numbers</source>
            <translation>Giờ cấp số thứ tự</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open around the clock (no hours)</source>
            <translation>Mở cả ngày (không giới hạn giờ)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stop issuing before closing (minutes)</source>
            <translation>Ngừng cấp số trước giờ đóng cửa (phút)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open</source>
            <translation>Mở cửa</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Closes</source>
            <translation>Đóng cửa</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lunch</source>
            <translation>Nghỉ trưa</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Until</source>
            <translation>Đến</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Monday</source>
            <translation>Thứ Hai</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Tuesday</source>
            <translation>Thứ Ba</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wednesday</source>
            <translation>Thứ Tư</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Thursday</source>
            <translation>Thứ Năm</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Friday</source>
            <translation>Thứ Sáu</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Saturday</source>
            <translation>Thứ Bảy</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Sunday</source>
            <translation>Chủ Nhật</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Open on this day</source>
            <translation>Làm việc ngày này</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lunch break</source>
            <translation>Có nghỉ trưa</translation>
        </message>
    </context>
    <context>
        <name>HubAdminBox</name>
        <message>
            <location filename="../../ui/staff/hub_admin.py" line="+140" />
            <source>Office hub</source>
            <translation>Máy chủ của xã (hub)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hub address</source>
            <translation>Địa chỉ máy hub</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. http://192.168.1.10:8765</source>
            <translation>ví dụ http://192.168.1.10:8765</translation>
        </message>
        <message>
            <location line="+1" />
            <source>One-time code</source>
            <translation>Mã dùng một lần</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the code shown on the hub</source>
            <translation>mã đang hiện trên máy hub</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pair</source>
            <translation>Ghép nối</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unpair</source>
            <translation>Ngắt ghép nối</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Make a pairing code</source>
            <translation>Tạo mã ghép nối</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This PC is the office hub</source>
            <translation>Máy này là máy chủ của xã (hub)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>This station is paired with the hub at %1. Restart it to use a new pairing.</source>
            <translation>Máy này đã ghép nối với máy hub tại %1. Khởi động lại máy để dùng ghép nối mới.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This PC uses its own queue (not paired with a hub).</source>
            <translation>Máy này dùng hàng đợi trên chính nó (chưa ghép nối với máy hub).</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Type the hub's address and the code it shows.</source>
            <translation>Xin nhập địa chỉ máy hub và mã đang hiện trên máy hub.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Pairing…</source>
            <translation>Đang ghép nối…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Paired with the hub at %1.</source>
            <translation>Đã ghép nối với máy hub tại %1.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Unpaired: this PC uses its own queue after a restart.</source>
            <translation>Đã ngắt ghép nối: sau khi khởi động lại, máy này dùng hàng đợi trên chính nó.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Saved. This PC serves the office hub from its next start.</source>
            <translation>Đã lưu. Máy này làm máy chủ của xã (hub) từ lần khởi động sau.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Saved. This PC no longer serves the office hub after a restart.</source>
            <translation>Đã lưu. Sau khi khởi động lại, máy này không còn làm máy chủ của xã (hub).</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Code %1 (single use, 10 minutes) for the hub at %2</source>
            <translation>Mã %1 (dùng một lần, trong 10 phút) cho máy hub tại %2</translation>
        </message>
    </context>
    <context>
        <name>HubWindow</name>
        <message>
            <location filename="../../ui/staff/hub_window.py" line="+39" />
            <source>The hub server could not start; the details were written to the log.</source>
            <translation>Máy chủ hub không khởi động được; chi tiết đã được ghi vào nhật ký.</translation>
        </message>
        <message>
            <location line="+96" />
            <source>Office hub</source>
            <translation>Máy chủ của xã (hub)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Make a pairing code</source>
            <translation>Tạo mã ghép nối</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Station</source>
            <translation>Máy trạm</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Paired</source>
            <translation>Ghép nối lúc</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Revoked</source>
            <translation>Thu hồi lúc</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The hub is not running: %1</source>
            <translation>Máy hub không chạy: %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The hub is running; stations on the office network can pair with it.</source>
            <translation>Máy hub đang chạy; các máy trạm trong mạng của trụ sở có thể ghép nối với nó.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Hub address: %1</source>
            <translation>Địa chỉ máy hub: %1</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Code %1 (single use, 10 minutes)</source>
            <translation>Mã %1 (dùng một lần, trong 10 phút)</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Revoke</source>
            <translation>Thu hồi</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Station revoked: it can no longer use the hub.</source>
            <translation>Đã thu hồi máy trạm: máy đó không dùng máy hub được nữa.</translation>
        </message>
    </context>
    <context>
        <name>KioskSettingsBox</name>
        <message>
            <location filename="../../ui/staff/kiosk_settings.py" line="+45" />
            <source>Kiosk</source>
            <translation>Kiosk</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read the guidance aloud on the kiosk</source>
            <translation>Đọc to hướng dẫn trên kiosk</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the kiosk settings</source>
            <translation>Lưu cài đặt kiosk</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Saved. The kiosk reads the guidance aloud from the next resident on.</source>
            <translation>Đã lưu. Kiosk sẽ đọc to hướng dẫn từ người dân tiếp theo.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Saved. The kiosk no longer reads the guidance aloud.</source>
            <translation>Đã lưu. Kiosk không đọc to hướng dẫn nữa.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The kiosk settings could not be saved.</source>
            <translation>Không lưu được cài đặt kiosk.</translation>
        </message>
    </context>
    <context>
        <name>LatestPanel</name>
        <message>
            <location filename="../../ui/board/panels.py" line="+47" />
            <source>No number has been called yet</source>
            <translation>Chưa gọi số nào</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Now calling</source>
            <translation>Mời số</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Counter {n}</source>
            <translation>Quầy {n}</translation>
        </message>
    </context>
    <context>
        <name>LookupResultScreen</name>
        <message>
            <location filename="../../ui/screens/lookup_result.py" line="+94" />
            <source>This information may be out of date: last updated {time}.</source>
            <translation>Thông tin có thể đã cũ: lần cập nhật cuối lúc {time}.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This information may be out of date: this kiosk has not yet received any update from the province.</source>
            <translation>Thông tin có thể đã cũ: máy này chưa nhận được lần cập nhật nào từ tỉnh.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Report {code}</source>
            <translation>Phản ánh {code}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dossier {code}</source>
            <translation>Hồ sơ {code}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Updated at {time}</source>
            <translation>Cập nhật lúc {time}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not yet updated from the province</source>
            <translation>Chưa cập nhật từ tỉnh</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Category</source>
            <translation>Lĩnh vực</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Procedure</source>
            <translation>Thủ tục</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Filed on</source>
            <translation>Ngày gửi</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Received on</source>
            <translation>Ngày tiếp nhận</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Handled by</source>
            <translation>Đơn vị xử lý</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Collect the result at</source>
            <translation>Nơi nhận kết quả</translation>
        </message>
        <message>
            <location line="+6" />
            <source>We apologise for the delay.</source>
            <translation>Xin lỗi bạn vì hồ sơ bị trễ hẹn.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The answer</source>
            <translation>Kết quả trả lời</translation>
        </message>
        <message>
            <location line="+7" />
            <source>What has happened so far</source>
            <translation>Quá trình xử lý</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Unit: {unit}</source>
            <translation>Đơn vị: {unit}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>No events yet.</source>
            <translation>Chưa có bước xử lý nào.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Print a status slip</source>
            <translation>In phiếu tình trạng</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Look up another code</source>
            <translation>Tra cứu mã khác</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Done</source>
            <translation>Xong</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Reply due</source>
            <translation>Hạn trả lời</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Result due</source>
            <translation>Hạn trả kết quả</translation>
        </message>
        <message>
            <location line="+3" />
            <source>New date</source>
            <translation>Ngày hẹn trả mới</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Thank you for rating the answer.</source>
            <translation>Cảm ơn bạn đã đánh giá kết quả.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This answer has already been rated. Thank you!</source>
            <translation>Kết quả này đã được đánh giá. Cảm ơn bạn!</translation>
        </message>
        <message>
            <location line="+6" />
            <source>How satisfied are you with the answer?</source>
            <translation>Bạn có hài lòng với kết quả xử lý không?</translation>
        </message>
        <message>
            <location line="+17" />
            <location line="+1" />
            <source>A comment (optional)</source>
            <translation>Ý kiến thêm (không bắt buộc)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Send the rating</source>
            <translation>Gửi đánh giá</translation>
        </message>
    </context>
    <context>
        <name>LookupScreen</name>
        <message>
            <location filename="../../ui/screens/lookup.py" line="+111" />
            <source>Type the code on your receipt</source>
            <translation>Nhập mã trên phiếu của bạn</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A report's tracking code (e.g. K7QM-2XPD-9RW) or a dossier code. You can also scan the QR code on the receipt.</source>
            <translation>Mã tra cứu phản ánh (ví dụ K7QM-2XPD-9RW) hoặc mã hồ sơ. Bạn cũng có thể quét mã QR trên phiếu.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Also type the lookup secret printed on the dossier receipt (at least {n} characters).</source>
            <translation>Nhập thêm mã bảo mật in trên giấy tiếp nhận hồ sơ (ít nhất {n} ký tự).</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+1" />
            <source>Lookup secret</source>
            <translation>Mã bảo mật</translation>
        </message>
        <message>
            <location line="+14" />
            <location line="+98" />
            <source>Look up</source>
            <translation>Tra cứu</translation>
        </message>
        <message>
            <location line="-95" />
            <location line="+123" />
            <source>Show the QR code to the camera</source>
            <translation>Đưa mã QR vào camera</translation>
        </message>
        <message>
            <location line="-34" />
            <source>Please wait {n} s</source>
            <translation>Xin đợi {n} giây</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Type the code instead</source>
            <translation>Nhập mã bằng bàn phím</translation>
        </message>
    </context>
    <context>
        <name>NextPanel</name>
        <message>
            <location filename="../../ui/board/panels.py" line="+110" />
            <source>Next numbers</source>
            <translation>Số tiếp theo</translation>
        </message>
    </context>
    <context>
        <name>OnScreenKeyboard</name>
        <message>
            <location filename="../../ui/keyboard/widget.py" line="+115" />
            <source>Delete</source>
            <translation>Xóa</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Capital letter</source>
            <translation>Chữ hoa</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Space</source>
            <translation>Dấu cách</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Numbers</source>
            <translation>Số</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Letters</source>
            <translation>Chữ cái</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Typing language: Vietnamese or English</source>
            <translation>Ngôn ngữ gõ: tiếng Việt hoặc tiếng Anh</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rising tone (sắc)</source>
            <translation>Dấu sắc</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Falling tone (huyền)</source>
            <translation>Dấu huyền</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Question tone (hỏi)</source>
            <translation>Dấu hỏi</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Tumbling tone (ngã)</source>
            <translation>Dấu ngã</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Heavy tone (nặng)</source>
            <translation>Dấu nặng</translation>
        </message>
    </context>
    <context>
        <name>PaperImportBox</name>
        <message>
            <location filename="../../ui/staff/paper_import.py" line="+71" />
            <source>Import paper forms (CSV)</source>
            <translation>Nhập phiếu giấy (CSV)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Type the path of the spreadsheet (CSV) filled in from paper forms. “Check” lists every row's problems and stores nothing; “Import” is possible once the check is clean. “Make template” writes an empty sheet and its instructions to the path typed (a folder or a .csv file).</source>
            <translation>Gõ đường dẫn tệp bảng tính (CSV) đã nhập từ phiếu giấy. “Kiểm tra” liệt kê lỗi của từng dòng và chưa lưu gì; chỉ “Nhập” được khi kiểm tra không còn lỗi. “Tạo mẫu” ghi một bảng trống kèm hướng dẫn vào đường dẫn đã gõ (một thư mục hoặc một tệp .csv).</translation>
        </message>
        <message>
            <location line="+4" />
            <source>e.g. E:\phieu-giay.csv</source>
            <translation>ví dụ E:\phieu-giay.csv</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check</source>
            <translation>Kiểm tra</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import</source>
            <translation>Nhập</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Make template</source>
            <translation>Tạo mẫu</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Please type the path of the CSV file.</source>
            <translation>Xin gõ đường dẫn tệp CSV.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Working…</source>
            <translation>Đang xử lý…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The file could not be read.</source>
            <translation>Không đọc được tệp.</translation>
        </message>
        <message>
            <location line="+34" />
            <source>{bad} of {rows} rows have errors; nothing was stored. Correct the file, then check again.</source>
            <translation>{bad}/{rows} dòng có lỗi; chưa lưu phiếu nào. Xin sửa tệp rồi kiểm tra lại.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The file is correct: {rows} form(s) ready to import. Nothing stored yet.</source>
            <translation>Tệp hợp lệ: {rows} phiếu sẵn sàng để nhập. Chưa lưu gì.</translation>
        </message>
        <message>
            <location line="+25" />
            <source>The file changed since the check; nothing was stored.</source>
            <translation>Tệp đã thay đổi sau khi kiểm tra; chưa lưu phiếu nào.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>row {row} · form {form} → {code} · due {due}</source>
            <translation>dòng {row} · phiếu {form} → {code} · hạn {due}</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>Imported %n paper form(s).</source>
            <translation>
                <numerusform>Đã nhập %n phiếu giấy.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tracking codes written to {path}.</source>
            <translation>Mã tra cứu đã ghi vào {path}.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Template written to {sheet}, instructions to {guide}.</source>
            <translation>Đã ghi tệp mẫu vào {sheet} và hướng dẫn vào {guide}.</translation>
        </message>
    </context>
    <context>
        <name>PathRow</name>
        <message>
            <location filename="../../ui/staff/handover.py" line="+115" />
            <source>Choose the USB folder</source>
            <translation>Chọn thư mục trên USB</translation>
        </message>
    </context>
    <context>
        <name>PhotosScreen</name>
        <message>
            <location filename="../../ui/screens/photos.py" line="+56" />
            <source>Add photos (optional)</source>
            <translation>Thêm ảnh (không bắt buộc)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Up to 3 photos help the commune see the problem. You can skip this step.</source>
            <translation>Tối đa 3 ảnh giúp xã thấy rõ sự việc. Bạn có thể bỏ qua bước này.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Take photo</source>
            <translation>Chụp ảnh</translation>
        </message>
        <message>
            <location line="+5" />
            <source>This kiosk has no camera, so photos cannot be taken here. You can skip this step.</source>
            <translation>Máy này không có máy ảnh nên không chụp ảnh được. Bạn có thể bỏ qua bước này.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Choose photos from this computer…</source>
            <translation>Chọn ảnh từ máy…</translation>
        </message>
        <message>
            <location line="+24" />
            <source>The camera did not take the photo. Please try again, or skip this step.</source>
            <translation>Máy ảnh chưa chụp được. Xin thử lại, hoặc bỏ qua bước này.</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Choose photos</source>
            <translation>Chọn ảnh</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Photos (*.jpg *.jpeg *.png)</source>
            <translation>Ảnh (*.jpg *.jpeg *.png)</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Preparing the photo…</source>
            <translation>Đang xử lý ảnh…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{count} of {limit} photos</source>
            <translation>Đã có {count}/{limit} ảnh</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Next</source>
            <translation>Tiếp tục</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Skip</source>
            <translation>Bỏ qua</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Remove</source>
            <translation>Xóa ảnh</translation>
        </message>
        <message>
            <location line="+34" />
            <source>This photo could not be processed. Please take it again.</source>
            <translation>Không xử lý được ảnh này. Xin chụp lại.</translation>
        </message>
    </context>
    <context>
        <name>PinForm</name>
        <message>
            <location filename="../../ui/staff/pin_form.py" line="+81" />
            <source>Staff PINs</source>
            <translation>Mã PIN cán bộ</translation>
        </message>
        <message>
            <location line="+5" />
            <source>New PIN again</source>
            <translation>Nhập lại mã PIN mới</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save PIN</source>
            <translation>Lưu mã PIN</translation>
        </message>
        <message>
            <location line="-3" />
            <source>New PIN ({min} to {max} digits)</source>
            <translation>Mã PIN mới ({min} đến {max} chữ số)</translation>
        </message>
        <message>
            <location line="+18" />
            <source>This role has a PIN; saving replaces it.</source>
            <translation>Vai trò này đã có mã PIN; lưu mã mới sẽ thay mã cũ.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No PIN yet: nobody can open this role.</source>
            <translation>Chưa có mã PIN: chưa ai mở được vai trò này.</translation>
        </message>
        <message>
            <location line="+18" />
            <source>The two PINs are not the same. Type the new PIN again.</source>
            <translation>Hai mã PIN không giống nhau. Xin nhập lại mã PIN mới.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Saving the PIN…</source>
            <translation>Đang lưu mã PIN…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The PIN for “{role}” has been saved.</source>
            <translation>Đã lưu mã PIN cho “{role}”.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The PIN could not be saved. Please try again.</source>
            <translation>Không lưu được mã PIN. Xin thử lại.</translation>
        </message>
    </context>
    <context>
        <name>PinPad</name>
        <message>
            <location filename="../../ui/staff/pin_pad.py" line="+126" />
            <source>Clear</source>
            <translation>Xóa hết</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete last digit</source>
            <translation>Xóa số cuối</translation>
        </message>
        <message>
            <location line="+1" />
            <source>OK</source>
            <translation>Đồng ý</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check again</source>
            <translation>Kiểm tra lại</translation>
        </message>
        <message>
            <location line="+27" />
            <source>No administrator PIN has been set yet. Choose a PIN of {min} to {max} digits.</source>
            <translation>Chưa đặt mã PIN quản trị. Xin chọn mã PIN gồm {min} đến {max} chữ số.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No PIN has been set for “{role}” yet. An administrator must set one first, in the Administration screen.</source>
            <translation>Chưa đặt mã PIN cho “{role}”. Quản trị viên cần đặt mã trước, trong màn hình Quản trị.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Enter your PIN</source>
            <translation>Nhập mã PIN của bạn</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Locked after too many wrong tries. Try again after {time}.</source>
            <translation>Đã tạm khóa vì nhập sai quá nhiều lần. Xin thử lại sau {time}.</translation>
        </message>
        <message>
            <location line="+54" />
            <source>Checking…</source>
            <translation>Đang kiểm tra…</translation>
        </message>
        <message numerus="yes">
            <location line="+14" />
            <source>Wrong PIN. Tries left: %n.</source>
            <translation>
                <numerusform>Mã PIN không đúng, còn %n lần thử.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+9" />
            <source>The PIN could not be checked. Please try again.</source>
            <translation>Không kiểm tra được mã PIN. Xin thử lại.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Enter the same PIN again to confirm it.</source>
            <translation>Nhập lại đúng mã PIN đó để xác nhận.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The two PINs are not the same. Choose a PIN again.</source>
            <translation>Hai mã PIN không giống nhau. Xin chọn lại mã PIN.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Saving the PIN…</source>
            <translation>Đang lưu mã PIN…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>An administrator PIN was set meanwhile. Enter that PIN.</source>
            <translation>Trong lúc này đã có người đặt mã PIN quản trị. Xin nhập mã PIN đó.</translation>
        </message>
    </context>
    <context>
        <name>PlaceScreen</name>
        <message>
            <location filename="../../ui/screens/place.py" line="+41" />
            <source>Where is it? (optional)</source>
            <translation>Sự việc ở đâu? (không bắt buộc)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hamlet or neighbourhood</source>
            <translation>Ấp, khu phố</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Not sure / no choice</source>
            <translation>Không rõ / không chọn</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Address or landmark</source>
            <translation>Địa chỉ hoặc địa danh gần đó</translation>
        </message>
        <message>
            <location line="+7" />
            <source>e.g. near the Hòa Bình market bridge</source>
            <translation>Ví dụ: gần cầu chợ Hòa Bình</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Coordinates (optional)</source>
            <translation>Tọa độ (không bắt buộc)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Latitude, e.g. 10.4562</source>
            <translation>Vĩ độ, ví dụ 10.4562</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Longitude, e.g. 105.6321</source>
            <translation>Kinh độ, ví dụ 105.6321</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Next</source>
            <translation>Tiếp tục</translation>
        </message>
    </context>
    <context>
        <name>PrintStatus</name>
        <message>
            <location filename="../../ui/printing/status.py" line="+47" />
            <source>Reprint</source>
            <translation>In lại</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Printing…</source>
            <translation>Đang in…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Printed</source>
            <translation>Đã in</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Printing failed.</source>
            <translation>In không thành công.</translation>
        </message>
    </context>
    <context>
        <name>PrinterSettingsBox</name>
        <message>
            <location filename="../../ui/staff/printer_admin.py" line="+68" />
            <source>Printer</source>
            <translation>Máy in</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Printer address</source>
            <translation>Địa chỉ máy in</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. escpos+tcp://192.168.1.50:9100</source>
            <translation>ví dụ escpos+tcp://192.168.1.50:9100</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paper</source>
            <translation>Khổ giấy</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Beep after printing (thermal printers)</source>
            <translation>Kêu bíp sau khi in (máy in nhiệt)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Test print</source>
            <translation>In thử</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Saved. This station prints on: {url}</source>
            <translation>Đã lưu. Máy này in ra: {url}</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Printing the test page…</source>
            <translation>Đang in trang thử…</translation>
        </message>
        <message>
            <location line="+19" />
            <source>No printer is set (pdf:): the test page was saved as {path}</source>
            <translation>Chưa chọn máy in (pdf:): trang thử đã được lưu tại {path}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The test page was sent to the printer. Check that the Vietnamese letters and the QR code print clearly.</source>
            <translation>Đã gửi trang in thử tới máy in. Xin kiểm tra chữ tiếng Việt có dấu và mã QR in rõ ràng.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The test page could not be made.</source>
            <translation>Không tạo được trang in thử.</translation>
        </message>
    </context>
    <context>
        <name>PrivacyAdminBox</name>
        <message>
            <location filename="../../ui/staff/privacy_admin.py" line="+98" />
            <source>Personal data</source>
            <translation>Dữ liệu cá nhân</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Days residents' contact details stay on this device after the province has the report (0 = at the next purge; at most 30, as the consent text promises)</source>
            <translation>Số ngày giữ thông tin liên hệ của người dân trên máy sau khi tỉnh đã nhận phản ánh (0 = xóa ở lần dọn tiếp theo; tối đa 30 ngày, như lời cam kết trong ô đồng ý)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Days to keep contact details</source>
            <translation>Số ngày giữ thông tin liên hệ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Move the key into the keyring</source>
            <translation>Chuyển khóa vào kho khóa</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+1" />
            <source>Receipt code</source>
            <translation>Mã trên phiếu</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Find</source>
            <translation>Tìm</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export for the resident</source>
            <translation>Xuất cho người dân</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Press again to erase for good</source>
            <translation>Nhấn lần nữa để xóa hẳn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Erase the personal data</source>
            <translation>Xóa dữ liệu cá nhân</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Press again: older details stay unreadable</source>
            <translation>Nhấn lần nữa: thông tin cũ sẽ không đọc được</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Make a new key</source>
            <translation>Tạo khóa mới</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Warning: no keyring works on this PC ({reason}), so the key protecting residents' personal data is kept in the file keys/data.key beside the data, readable only by the app's user. Anyone who copies the whole data folder gets both. Set up the session keyring, then press “Move the key into the keyring”.</source>
            <translation>Cảnh báo: máy này không có kho khóa dùng được ({reason}), nên khóa bảo vệ dữ liệu cá nhân của người dân đang nằm trong tệp keys/data.key ngay cạnh dữ liệu, chỉ tài khoản chạy ứng dụng đọc được. Ai sao chép cả thư mục dữ liệu sẽ có cả hai. Xin cài đặt kho khóa của phiên làm việc rồi nhấn “Chuyển khóa vào kho khóa”.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Personal data is encrypted; its key is in the system keyring.</source>
            <translation>Dữ liệu cá nhân được mã hóa; khóa nằm trong kho khóa của hệ điều hành.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No personal data stored yet; the key is made with the first contact details.</source>
            <translation>Chưa lưu dữ liệu cá nhân nào; khóa sẽ được tạo khi có thông tin liên hệ đầu tiên.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Saved.</source>
            <translation>Đã lưu.</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Done.</source>
            <translation>Đã xong.</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Anonymous report: no contact details were given.</source>
            <translation>Phản ánh ẩn danh: người dân không để lại liên hệ.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Name: {name}</source>
            <translation>Họ tên: {name}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Phone: {phone}</source>
            <translation>Điện thoại: {phone}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Private address: kept encrypted</source>
            <translation>Địa chỉ riêng tư: được lưu mã hóa</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Personal data erased ({why}).</source>
            <translation>Đã xóa dữ liệu cá nhân ({why}).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>on request</source>
            <translation>theo yêu cầu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>retention period over</source>
            <translation>hết thời hạn lưu giữ</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Erased automatically after {when} (UTC).</source>
            <translation>Tự động xóa sau {when} (giờ UTC).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Not yet at the province: kept until then.</source>
            <translation>Chưa chuyển lên tỉnh: được giữ đến khi đó.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Saved for the resident in {path}. It is removed from this device after a day.</source>
            <translation>Đã lưu cho người dân tại {path}. Tệp sẽ được xóa khỏi máy sau một ngày.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>This cannot be undone. Press again to erase the name, phone and private address of this report.</source>
            <translation>Không thể hoàn tác. Nhấn lần nữa để xóa họ tên, số điện thoại và địa chỉ riêng tư của phản ánh này.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Erased.</source>
            <translation>Đã xóa.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Nothing was left to erase.</source>
            <translation>Không còn gì để xóa.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The province already has the report: ask it to erase its copy too.</source>
            <translation>Tỉnh đã nhận phản ánh: xin đề nghị tỉnh xóa cả bản của tỉnh.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>That did not work. The details were written to the log.</source>
            <translation>Thao tác không thành công. Chi tiết đã được ghi vào nhật ký.</translation>
        </message>
    </context>
    <context>
        <name>QuarantineEditDialog</name>
        <message>
            <location filename="../../ui/staff/quarantine_edit.py" line="+104" />
            <source>Edit and resend</source>
            <translation>Sửa và gửi lại</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Report {code}: the province refused it. Correct it, then resend.</source>
            <translation>Phản ánh {code} bị tỉnh từ chối. Xin sửa lại rồi gửi lại.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Category</source>
            <translation>Lĩnh vực</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Report text</source>
            <translation>Nội dung phản ánh</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hamlet</source>
            <translation>Ấp/khu phố</translation>
        </message>
        <message>
            <location line="+1" />
            <source>(not given)</source>
            <translation>(không ghi)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Resend</source>
            <translation>Gửi lại</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Saving…</source>
            <translation>Đang lưu…</translation>
        </message>
        <message>
            <location line="+19" />
            <source>The report could not be saved. Please try again or tell the administrator.</source>
            <translation>Chưa lưu được phản ánh. Xin thử lại hoặc báo cán bộ quản trị.</translation>
        </message>
    </context>
    <context>
        <name>QuarantineItem</name>
        <message>
            <location filename="../../ui/staff/sync_panel.py" line="+97" />
            <source>Report</source>
            <translation>Phản ánh</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Rating</source>
            <translation>Lượt đánh giá</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Queue number event</source>
            <translation>Sự kiện số thứ tự</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{what} · made {when}</source>
            <translation>{what} · lập lúc {when}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Edit and resend</source>
            <translation>Sửa và gửi lại</translation>
        </message>
    </context>
    <context>
        <name>QueueAdmin</name>
        <message>
            <location filename="../../ui/staff/queue_admin.py" line="+177" />
            <source>Services</source>
            <translation>Dịch vụ</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Services each counter serves</source>
            <translation>Dịch vụ của từng quầy</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Calling order and kiosk limit</source>
            <translation>Thứ tự gọi số và giới hạn lấy số</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Priority tickets (elderly, disabled, pregnant, small children)</source>
            <translation>Số ưu tiên (người cao tuổi, người khuyết tật, phụ nữ mang thai, người có con nhỏ)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Always first</source>
            <translation>Luôn gọi trước</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Interleaved: one after every</source>
            <translation>Xen kẽ: một số ưu tiên sau mỗi</translation>
        </message>
        <message>
            <location line="+1" />
            <source>normal tickets</source>
            <translation>số thường</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tickets the kiosk may issue per minute</source>
            <translation>Số phiếu tối đa máy lấy số cấp mỗi phút</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+28" />
            <source>Counter {number}</source>
            <translation>Quầy {number}</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Saving…</source>
            <translation>Đang lưu…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Saved.</source>
            <translation>Đã lưu.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Nothing had changed.</source>
            <translation>Không có gì thay đổi.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Could not save; the details are in the log.</source>
            <translation>Chưa lưu được; chi tiết đã được ghi vào nhật ký.</translation>
        </message>
    </context>
    <context>
        <name>QueueBoard</name>
        <message numerus="yes">
            <location filename="../../ui/board/window.py" line="+135" />
            <source>Reports received today: %n</source>
            <translation>
                <numerusform>Phản ánh nhận hôm nay: %n</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>QueueCodeScreen</name>
        <message>
            <location filename="../../ui/screens/queue_code.py" line="+30" />
            <source>Type the booking code you received</source>
            <translation>Nhập mã đặt hẹn bạn đã nhận</translation>
        </message>
        <message>
            <location line="+3" />
            <source>It is in your booking message. You can also scan its QR code.</source>
            <translation>Mã có trong tin nhắn xác nhận đặt hẹn. Bạn cũng có thể quét mã QR.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Take a number</source>
            <translation>Lấy số</translation>
        </message>
    </context>
    <context>
        <name>QueueConsole</name>
        <message>
            <location filename="../../ui/staff/queue_console.py" line="+139" />
            <source>Counter {n} — queue</source>
            <translation>Quầy {n} — hàng đợi</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Change counter</source>
            <translation>Đổi quầy</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Today (median times in minutes)</source>
            <translation>Hôm nay (thời gian trung vị, tính bằng phút)</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Close counter</source>
            <translation>Đóng quầy</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Open counter</source>
            <translation>Mở quầy</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>Waiting for this counter: %n</source>
            <translation>
                <numerusform>Đang chờ quầy này: %n</numerusform>
            </translation>
        </message>
        <message>
            <location line="+18" />
            <source>This counter: {served} served, {no_show} did not come, median service time {minutes}</source>
            <translation>Quầy này: đã phục vụ {served}, vắng mặt {no_show}, thời gian phục vụ trung vị {minutes}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{m} min</source>
            <translation>{m} phút</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Ratings: {list}</source>
            <translation>Đánh giá: {list}</translation>
        </message>
        <message>
            <location line="+22" />
            <source>The queue could not be read; trying again.</source>
            <translation>Không đọc được hàng đợi; đang thử lại.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>That did not work. Please try again.</source>
            <translation>Thao tác chưa thực hiện được. Xin thử lại.</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Nobody is waiting for this counter.</source>
            <translation>Không có ai đang chờ quầy này.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Thank you! The rating was saved.</source>
            <translation>Cảm ơn! Đánh giá đã được lưu.</translation>
        </message>
    </context>
    <context>
        <name>QueueServicesScreen</name>
        <message>
            <location filename="../../ui/screens/queue_services.py" line="+89" />
            <source>Which service do you need?</source>
            <translation>Bạn cần làm thủ tục gì?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>I have priority (elderly, disabled, pregnant, or with a small child)</source>
            <translation>Tôi thuộc diện ưu tiên (người cao tuổi, khuyết tật, phụ nữ mang thai, có con nhỏ)</translation>
        </message>
        <message>
            <location line="+17" />
            <source>I have a booking code</source>
            <translation>Tôi có mã đặt hẹn</translation>
        </message>
        <message>
            <location line="+39" />
            <source>Loading the services…</source>
            <translation>Đang tải danh sách dịch vụ…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No service is giving numbers at the moment. Please ask a staff member.</source>
            <translation>Hiện không có dịch vụ nào cấp số. Xin hỏi cán bộ xã.</translation>
        </message>
        <message numerus="yes">
            <location line="+6" />
            <source>%n waiting</source>
            <translation>
                <numerusform>%n người đang chờ</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>QueueTake</name>
        <message>
            <location filename="../../ui/screens/queue_take.py" line="+57" />
            <source>The number could not be issued. Please try again or ask a staff member.</source>
            <translation>Chưa cấp được số. Xin thử lại hoặc hỏi cán bộ xã.</translation>
        </message>
    </context>
    <context>
        <name>QueueTicketScreen</name>
        <message>
            <location filename="../../ui/screens/queue_ticket.py" line="+35" />
            <source>Your number</source>
            <translation>Số của bạn</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Please watch the screen and listen: your number will be called with its counter.</source>
            <translation>Xin theo dõi màn hình và loa: số của bạn sẽ được gọi cùng với quầy.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Done</source>
            <translation>Xong</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Counters: {counters}</source>
            <translation>Quầy: {counters}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Counter: {counters}</source>
            <translation>Quầy: {counters}</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n people ahead of you</source>
            <translation>
                <numerusform>Trước bạn còn %n người</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>You are next</source>
            <translation>Bạn là người tiếp theo</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>Estimated wait: about %n minutes</source>
            <translation>
                <numerusform>Thời gian chờ dự kiến: khoảng %n phút</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>Priority number</source>
            <translation>Số ưu tiên</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Booked: {code}</source>
            <translation>Đặt hẹn: {code}</translation>
        </message>
        <message>
            <location line="+17" />
            <source>The ticket could not be printed. Please remember your number: {number}.</source>
            <translation>Chưa in được phiếu. Xin bạn nhớ số của mình: {number}.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Preparing the ticket…</source>
            <translation>Đang chuẩn bị phiếu…</translation>
        </message>
    </context>
    <context>
        <name>RatingPanel</name>
        <message>
            <location filename="../../ui/staff/queue_panels.py" line="+92" />
            <source>How was your visit today (number {number})? Touch one.</source>
            <translation>Bạn đánh giá thế nào về lần giải quyết thủ tục này (số {number})? Xin chạm một ô.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Skip</source>
            <translation>Bỏ qua</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Satisfied</source>
            <translation>Hài lòng</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acceptable</source>
            <translation>Chấp nhận được</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not satisfied</source>
            <translation>Không hài lòng</translation>
        </message>
    </context>
    <context>
        <name>ReceiptScreen</name>
        <message>
            <location filename="../../ui/screens/receipt.py" line="+56" />
            <source>Your report has been saved</source>
            <translation>Đã lưu phản ánh của bạn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your tracking code</source>
            <translation>Mã tra cứu của bạn</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Keep this code: it shows how your report is handled, never your personal data.</source>
            <translation>Xin giữ mã này: mã cho biết phản ánh được xử lý thế nào, không hiển thị thông tin cá nhân.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Expected reply by: {date}</source>
            <translation>Ngày trả lời dự kiến: {date}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The report is saved at the commune and will be sent to the province automatically when there is a connection.</source>
            <translation>Phản ánh đã được lưu tại xã và sẽ tự gửi lên tỉnh khi có kết nối.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Open the receipt PDF</source>
            <translation>Mở phiếu PDF</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Done</source>
            <translation>Xong</translation>
        </message>
        <message>
            <location line="+15" />
            <source>The receipt can be printed again at the counter.</source>
            <translation>Có thể in lại phiếu tại quầy tiếp nhận.</translation>
        </message>
    </context>
    <context>
        <name>RecentPanel</name>
        <message>
            <location filename="../../ui/board/panels.py" line="-80" />
            <source>Called before</source>
            <translation>Vừa gọi</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Counter {n}</source>
            <translation>Quầy {n}</translation>
        </message>
    </context>
    <context>
        <name>RecentPrints</name>
        <message>
            <location filename="../../ui/staff/recent_prints.py" line="+88" />
            <source>Find by code or ticket number</source>
            <translation>Tìm theo mã tra cứu hoặc số thứ tự</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh</source>
            <translation>Làm mới</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reprint</source>
            <translation>In lại</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time</source>
            <translation>Thời gian</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Document</source>
            <translation>Loại phiếu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Number or code</source>
            <translation>Số hoặc mã</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Result</source>
            <translation>Kết quả</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Printer</source>
            <translation>Máy in</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Report receipt</source>
            <translation>Phiếu phản ánh</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Queue ticket</source>
            <translation>Phiếu số thứ tự</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Test page</source>
            <translation>Trang in thử</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+39" />
            <source>Printed</source>
            <translation>Đã in</translation>
        </message>
        <message>
            <location line="-39" />
            <location line="+40" />
            <source>Saved as PDF</source>
            <translation>Đã lưu PDF</translation>
        </message>
        <message>
            <location line="-16" />
            <source>Choose a receipt in the list first.</source>
            <translation>Xin chọn một phiếu trong danh sách trước.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Printing…</source>
            <translation>Đang in…</translation>
        </message>
    </context>
    <context>
        <name>ReportDetail</name>
        <message>
            <location filename="../../ui/staff/report_detail.py" line="+112" />
            <source>Choose a report in the list to see it here.</source>
            <translation>Chọn một phản ánh trong danh sách để xem tại đây.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category</source>
            <translation>Lĩnh vực</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Received at</source>
            <translation>Thời gian tiếp nhận</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Place</source>
            <translation>Nơi xảy ra</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reply due by</source>
            <translation>Hạn trả lời</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Contact</source>
            <translation>Liên hệ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Details</source>
            <translation>Thông tin</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Photos</source>
            <translation>Ảnh</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Receipt</source>
            <translation>Phiếu tiếp nhận</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open receipt PDF</source>
            <translation>Mở phiếu tiếp nhận (PDF)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reprint receipt</source>
            <translation>In lại phiếu</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Not given</source>
            <translation>Không nêu</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Anonymous</source>
            <translation>Ẩn danh</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Left contact details; phone {phone}</source>
            <translation>Có để lại liên hệ; số điện thoại {phone}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Left contact details</source>
            <translation>Có để lại liên hệ</translation>
        </message>
        <message>
            <location line="+23" />
            <source>No photos</source>
            <translation>Không có ảnh</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Preparing the receipt…</source>
            <translation>Đang tạo phiếu tiếp nhận…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The receipt PDF could not be read.</source>
            <translation>Không đọc được tệp PDF của phiếu tiếp nhận.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The receipt could not be made.</source>
            <translation>Không tạo được phiếu tiếp nhận.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Printing…</source>
            <translation>Đang in…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>No printer is set for this station (pdf:): open the receipt PDF to print it.</source>
            <translation>Máy này chưa chọn máy in (pdf:): mở tệp PDF của phiếu để in.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The receipt was printed.</source>
            <translation>Đã in phiếu.</translation>
        </message>
    </context>
    <context>
        <name>ReportState</name>
        <message>
            <location filename="../../ui/staff/report_table.py" line="+23" />
            <source>Not sent yet</source>
            <translation>Chờ gửi lên tỉnh</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sent</source>
            <translation>Đã gửi lên tỉnh</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Held for checking</source>
            <translation>Đang chờ kiểm tra</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Withdrawn</source>
            <translation>Đã rút</translation>
        </message>
    </context>
    <context>
        <name>ReportTableModel</name>
        <message>
            <location line="+38" />
            <source>Code</source>
            <translation>Mã</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Received</source>
            <translation>Tiếp nhận</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Category</source>
            <translation>Lĩnh vực</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Hamlet</source>
            <translation>Ấp, khu phố</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Photos</source>
            <translation>Ảnh</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>Tình trạng</translation>
        </message>
    </context>
    <context>
        <name>ResultsScreen</name>
        <message>
            <location filename="../../ui/screens/results.py" line="+87" />
            <source>Results of reports filed in the commune</source>
            <translation>Kết quả xử lý phản ánh của người dân trong xã</translation>
        </message>
        <message>
            <location line="+17" />
            <source>All categories</source>
            <translation>Tất cả lĩnh vực</translation>
        </message>
        <message>
            <location line="+22" />
            <source>‹ Earlier</source>
            <translation>‹ Tháng trước</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Earlier month</source>
            <translation>Tháng trước</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Later ›</source>
            <translation>Tháng sau ›</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Later month</source>
            <translation>Tháng sau</translation>
        </message>
        <message>
            <location line="+52" />
            <source>Month {month}</source>
            <translation>Tháng {month}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Filed {filed} · answered {answered}</source>
            <translation>Gửi ngày {filed} · trả lời ngày {answered}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>No results have been published yet.</source>
            <translation>Chưa có kết quả xử lý nào được công bố.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No results in this category this month.</source>
            <translation>Tháng này chưa có kết quả nào thuộc lĩnh vực này.</translation>
        </message>
    </context>
    <context>
        <name>ReviewScreen</name>
        <message>
            <location filename="../../ui/screens/review.py" line="+35" />
            <source>Please check your report</source>
            <translation>Xin kiểm tra lại phản ánh</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Send report</source>
            <translation>Gửi phản ánh</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Area</source>
            <translation>Lĩnh vực</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What happened</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Photos</source>
            <translation>Ảnh</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Place</source>
            <translation>Nơi xảy ra</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sent by</source>
            <translation>Người phản ánh</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Taken by volunteer</source>
            <translation>Tình nguyện viên nhận hộ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not set</source>
            <translation>Chưa ghi</translation>
        </message>
        <message>
            <location line="+12" />
            <source>No photos</source>
            <translation>Không có ảnh</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Not given</source>
            <translation>Không nêu</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Anonymous</source>
            <translation>Ẩn danh</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Saving…</source>
            <translation>Đang lưu…</translation>
        </message>
        <message>
            <location line="+55" />
            <source>Something went wrong and the report was not saved. Please tell a staff member.</source>
            <translation>Có lỗi xảy ra nên phản ánh chưa được lưu. Xin báo cán bộ xã.</translation>
        </message>
    </context>
    <context>
        <name>ServicesTable</name>
        <message>
            <location filename="../../ui/staff/queue_admin.py" line="-202" />
            <source>Prefix</source>
            <translation>Ký hiệu</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Name (Vietnamese)</source>
            <translation>Tên tiếng Việt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name (English)</source>
            <translation>Tên tiếng Anh</translation>
        </message>
        <message>
            <location line="+0" />
            <source>In use</source>
            <translation>Đang dùng</translation>
        </message>
    </context>
    <context>
        <name>ServingPanel</name>
        <message>
            <location filename="../../ui/board/panels.py" line="+19" />
            <source>At the counters</source>
            <translation>Tại các quầy</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Counter {n}</source>
            <translation>Quầy {n}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Closed</source>
            <translation>Đóng</translation>
        </message>
    </context>
    <context>
        <name>Shell</name>
        <message>
            <location filename="../../ui/shell.py" line="+127" />
            <source>Step {n}/{total}</source>
            <translation>Bước {n}/{total}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>‹ Back</source>
            <translation>‹ Quay lại</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/smoke.py" line="+71" />
            <source>Home</source>
            <translation>Trang chủ</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Larger text</source>
            <translation>Chữ to hơn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>High contrast</source>
            <translation>Tương phản cao</translation>
        </message>
        <message>
            <location line="+186" />
            <source>Returning to the home screen in {n} seconds — touch the screen to continue</source>
            <translation>Tự động về màn hình chính sau {n} giây — chạm màn hình để tiếp tục</translation>
        </message>
    </context>
    <context>
        <name>StaffRoles</name>
        <message>
            <location filename="../../ui/staff/roles.py" line="+11" />
            <source>Clerk</source>
            <translation>Cán bộ tiếp nhận</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Digital-team volunteer</source>
            <translation>Thành viên Tổ công nghệ số cộng đồng</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Administrator</source>
            <translation>Quản trị viên</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Clerk console</source>
            <translation>Màn hình cán bộ tiếp nhận</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Volunteer</source>
            <translation>Tổ công nghệ số</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Administration</source>
            <translation>Quản trị</translation>
        </message>
    </context>
    <context>
        <name>SyncEnrolBox</name>
        <message>
            <location filename="../../ui/staff/sync_enrol.py" line="+147" />
            <source>Provincial server: enrolment</source>
            <translation>Đăng ký thiết bị với máy chủ tỉnh</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Server address</source>
            <translation>Địa chỉ máy chủ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. https://caunoi.example.gov.vn</source>
            <translation>ví dụ: https://caunoi.example.gov.vn</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enrolment code</source>
            <translation>Mã đăng ký</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the one-time code from the province</source>
            <translation>mã dùng một lần do tỉnh cấp</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Where the device's access token is kept</source>
            <translation>Nơi giữ mã truy cập của thiết bị</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kept in</source>
            <translation>Lưu trong</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The operating system's keyring (recommended)</source>
            <translation>Kho khóa của hệ điều hành (nên dùng)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A file in the data folder</source>
            <translation>Tệp trong thư mục dữ liệu</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Warning: the access token is kept in a file in the data folder. This is only safe when this PC's disk is encrypted (BitLocker, LUKS…).</source>
            <translation>Cảnh báo: mã truy cập đang được lưu trong một tệp trong thư mục dữ liệu. Cách này chỉ an toàn khi ổ đĩa của máy đã được mã hóa (BitLocker, LUKS…).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Keep the access token in a file in the data folder? Anyone who can read this PC's disk can then use it to send data as this device. Only choose this if the disk is encrypted and no keyring can be set up.</source>
            <translation>Lưu mã truy cập trong một tệp trong thư mục dữ liệu? Khi đó ai đọc được ổ đĩa của máy này cũng có thể dùng mã để gửi dữ liệu dưới tên thiết bị này. Chỉ chọn cách này khi ổ đĩa đã được mã hóa và không thể cài kho khóa.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>I understand, use a file</source>
            <translation>Tôi hiểu, lưu trong tệp</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CA certificate file</source>
            <translation>Tệp chứng chỉ gốc (CA)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>empty: the system's certificates</source>
            <translation>để trống: dùng chứng chỉ của hệ thống</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <location line="+7" />
            <source>This device is enrolled with {server} for commune {commune}. Device id: {device}. Enrolling again with a new code is allowed.</source>
            <translation>Máy đã đăng ký với máy chủ {server} cho xã {commune}. Mã máy: {device}. Có thể đăng ký lại bằng mã mới.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Enrol again</source>
            <translation>Đăng ký lại</translation>
        </message>
        <message>
            <location line="+4" />
            <source>This device is not enrolled with the provincial server yet: nothing is sent to the province.</source>
            <translation>Máy chưa đăng ký với máy chủ của tỉnh nên chưa gửi được gì lên tỉnh.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Enrol device</source>
            <translation>Đăng ký thiết bị</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The keyring works on this PC.</source>
            <translation>Kho khóa trên máy này hoạt động bình thường.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Type the server's address and the enrolment code.</source>
            <translation>Xin nhập địa chỉ máy chủ và mã đăng ký.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Enrolling…</source>
            <translation>Đang đăng ký…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Enrolled with {server} for commune {commune}.</source>
            <translation>Đã đăng ký với máy chủ {server} cho xã {commune}.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Enrolment failed unexpectedly ({error}). The details are in the log.</source>
            <translation>Đăng ký không thành công do lỗi ngoài dự kiến ({error}). Chi tiết đã được ghi vào nhật ký.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Not enrolled: this PC cannot keep the device's secrets yet. See “{section}” below.</source>
            <translation>Chưa đăng ký được: máy này chưa có chỗ lưu mã bí mật của thiết bị. Xem mục “{section}” bên dưới.</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Saved: the access token is now kept in a file in the data folder.</source>
            <translation>Đã lưu: mã truy cập nay được giữ trong một tệp trong thư mục dữ liệu.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Saved: the access token is now kept in the keyring.</source>
            <translation>Đã lưu: mã truy cập nay được giữ trong kho khóa của hệ điều hành.</translation>
        </message>
        <message>
            <location line="+18" />
            <source>There is no certificate file “{path}”.</source>
            <translation>Không tìm thấy tệp chứng chỉ “{path}”.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Saved: the certificate file {path} is used.</source>
            <translation>Đã lưu: dùng tệp chứng chỉ {path}.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Saved: the system's certificates are used.</source>
            <translation>Đã lưu: dùng chứng chỉ của hệ thống.</translation>
        </message>
    </context>
    <context>
        <name>SyncPanel</name>
        <message>
            <location filename="../../ui/staff/sync_panel.py" line="+77" />
            <source>Sync with the province</source>
            <translation>Đồng bộ với tỉnh</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Waiting to be sent</source>
            <translation>Đang chờ gửi</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refused by the province</source>
            <translation>Bị tỉnh từ chối</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Provincial server</source>
            <translation>Máy chủ tỉnh</translation>
        </message>
        <message>
            <location line="+0" />
            <source>This device</source>
            <translation>Máy này</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last successful sync</source>
            <translation>Lần đồng bộ thành công gần nhất</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clock</source>
            <translation>Đồng hồ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Next automatic try</source>
            <translation>Lần tự đồng bộ tiếp theo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last problem</source>
            <translation>Lỗi gần nhất</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reports</source>
            <translation>Phản ánh</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Ratings</source>
            <translation>Lượt đánh giá</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Queue number events</source>
            <translation>Sự kiện số thứ tự</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sync now</source>
            <translation>Đồng bộ ngay</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Not compared with the server yet</source>
            <translation>Chưa so với máy chủ</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This PC's clock agrees with the server</source>
            <translation>Đồng hồ máy này khớp với máy chủ</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This PC's clock is {amount} behind the server</source>
            <translation>Đồng hồ máy này chậm hơn máy chủ {amount}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This PC's clock is {amount} ahead of the server</source>
            <translation>Đồng hồ máy này nhanh hơn máy chủ {amount}</translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>%n second(s)</source>
            <translation>
                <numerusform>%n giây</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <location line="+6" />
            <source>%n minute(s)</source>
            <translation>
                <numerusform>%n phút</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="-3" />
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n ngày</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n hour(s)</source>
            <translation>
                <numerusform>%n giờ</numerusform>
            </translation>
        </message>
        <message>
            <location line="+13" />
            <source>Not enrolled</source>
            <translation>Chưa đăng ký</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Commune {commune}, device id {device}</source>
            <translation>Xã {commune}, mã máy {device}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Never synced</source>
            <translation>Chưa đồng bộ lần nào</translation>
        </message>
        <message>
            <location line="+8" />
            <source>None</source>
            <translation>Không có</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Everything has been sent.</source>
            <translation>Đã gửi hết.</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n item(s) will be sent at the next sync.</source>
            <translation>
                <numerusform>%n mục sẽ được gửi ở lần đồng bộ tới.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+15" />
            <source>None: this device is not enrolled</source>
            <translation>Không có: máy chưa đăng ký</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Only when “Sync now” is pressed</source>
            <translation>Chỉ khi bấm “Đồng bộ ngay”</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Not before {time} (waiting after a failed try)</source>
            <translation>Không trước {time} (đang chờ sau một lần không thành công)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Around {time}</source>
            <translation>Khoảng {time}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Nothing was refused.</source>
            <translation>Không có mục nào bị từ chối.</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>The province refused %n item(s). They are kept here and are not sent again until corrected.</source>
            <translation>
                <numerusform>Tỉnh đã từ chối %n mục. Mục bị từ chối được giữ lại ở đây và chỉ được gửi lại sau khi sửa.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+16" />
            <location line="+11" />
            <source>Connecting to the provincial server…</source>
            <translation>Đang kết nối máy chủ tỉnh…</translation>
        </message>
        <message>
            <location line="-4" />
            <source>Syncing…</source>
            <translation>Đang đồng bộ…</translation>
        </message>
        <message numerus="yes">
            <location line="+8" />
            <source>Sending… %n item(s) sent</source>
            <translation>
                <numerusform>Đang gửi… đã gửi %n mục</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>Receiving updates… %n so far</source>
            <translation>
                <numerusform>Đang nhận cập nhật… đã nhận %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+10" />
            <source>Done: %n new item(s) sent</source>
            <translation>
                <numerusform>Xong: đã gửi %n mục mới</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n refused</source>
            <translation>
                <numerusform>%n mục bị từ chối</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n update(s) received</source>
            <translation>
                <numerusform>nhận %n cập nhật</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TransferPanel</name>
        <message>
            <location filename="../../ui/staff/queue_panels.py" line="-65" />
            <source>Send {number} to which service? It keeps its place in the queue.</source>
            <translation>Chuyển số {number} sang dịch vụ nào? Số vẫn giữ thứ tự cũ trong hàng đợi.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
    </context>
    <context>
        <name>UsbExportPage</name>
        <message>
            <location filename="../../ui/staff/handover.py" line="+57" />
            <location line="+9" />
            <source>Copy to USB for the commune</source>
            <translation>Chép ra USB để nộp ở xã</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Where there is no network, the reports waiting on this laptop travel to the commune office on a USB stick, encrypted for the office's computers. The laptop still sends them itself at its next sync, unless the office confirmed them first.</source>
            <translation>Nơi không có mạng, các phản ánh đang chờ trên máy này được chép ra USB (đã mã hóa, chỉ máy của xã mở được) để nộp ở xã. Lần đồng bộ sau, máy này vẫn tự gửi những phản ánh mà xã chưa xác nhận.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>USB folder</source>
            <translation>Thư mục trên USB</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. E:\ or /media/lan/USB</source>
            <translation>ví dụ E:\ hoặc /media/lan/USB</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose folder…</source>
            <translation>Chọn thư mục…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Read the commune's confirmation</source>
            <translation>Đọc xác nhận của xã</translation>
        </message>
        <message>
            <location line="+2" />
            <source>1. Copy to the USB stick here.  2. At the commune office, the administrator chooses “Import from a volunteer's USB”; the office writes its confirmation back to the stick.  3. Plug the stick in here again and read the confirmation.</source>
            <translation>1. Chép ra USB tại đây.  2. Ở xã, cán bộ quản trị chọn “Nhập từ USB của tình nguyện viên”; máy xã ghi xác nhận trở lại USB.  3. Cắm USB lại vào máy này và bấm “Đọc xác nhận của xã”.</translation>
        </message>
        <message numerus="yes">
            <location line="+10" />
            <source>%n report(s) waiting to be sent.</source>
            <translation>
                <numerusform>%n phản ánh đang chờ gửi.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n report(s) on a USB stick, waiting for the commune to confirm.</source>
            <translation>
                <numerusform>%n phản ánh đã chép ra USB, chờ xã xác nhận.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+7" />
            <source>Please type the USB folder, or choose it.</source>
            <translation>Xin gõ hoặc chọn thư mục trên USB.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Working… please do not unplug the USB stick.</source>
            <translation>Đang xử lý… xin đừng rút USB.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Something went wrong; nothing was marked. Please try again.</source>
            <translation>Có lỗi xảy ra; chưa đánh dấu gì. Xin thử lại.</translation>
        </message>
        <message numerus="yes">
            <location line="+20" />
            <source>Copied %n report(s)</source>
            <translation>
                <numerusform>Đã chép %n phản ánh</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>with {photos} photo(s) to {path}. Hand the stick to the commune office; afterwards, read its confirmation here.</source>
            <translation>cùng {photos} ảnh vào {path}. Hãy mang USB nộp ở xã; sau đó đọc xác nhận của xã tại đây.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The file is split into {n} parts: copy all of them.</source>
            <translation>Tệp được chia thành {n} phần: cần chép đủ các phần.</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>The commune had confirmed %n report(s) of the last hand-over.</source>
            <translation>
                <numerusform>Xã đã xác nhận %n phản ánh của lần chuyển giao trước.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+16" />
            <source>The commune confirmed %n report(s); they will not be sent again from this laptop.</source>
            <translation>
                <numerusform>Xã đã xác nhận %n phản ánh; máy này sẽ không gửi lại các phản ánh đó.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%n were already marked before.</source>
            <translation>
                <numerusform>%n phản ánh đã được đánh dấu từ trước.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UsbImportBox</name>
        <message>
            <location filename="../../ui/staff/usb_import.py" line="+53" />
            <source>Import from a volunteer's USB</source>
            <translation>Nhập từ USB của tình nguyện viên</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Type the USB folder (every transfer file in it is imported) or one transfer file. The signature is checked, the reports are queued for the province, and the confirmation for the volunteer's laptop is written back to the stick.</source>
            <translation>Gõ thư mục trên USB (mọi tệp chuyển giao trong đó đều được nhập) hoặc một tệp chuyển giao. Máy kiểm tra chữ ký, đưa các phản ánh vào hàng chờ gửi lên tỉnh và ghi xác nhận cho máy của tình nguyện viên trở lại USB.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>e.g. E:\ or /media/canbo/USB</source>
            <translation>ví dụ E:\ hoặc /media/canbo/USB</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import</source>
            <translation>Nhập</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Please type the USB folder or the transfer file.</source>
            <translation>Xin gõ thư mục trên USB hoặc tệp chuyển giao.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Checking and importing… please do not unplug the USB stick.</source>
            <translation>Đang kiểm tra và nhập… xin đừng rút USB.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>{file}: imported {imported}, already here {skipped}.</source>
            <translation>{file}: đã nhập {imported}, đã có từ trước {skipped}.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Confirmation written to {receipt}.</source>
            <translation>Đã ghi xác nhận vào {receipt}.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The import failed; nothing was imported.</source>
            <translation>Nhập không thành công; chưa nhập gì.</translation>
        </message>
    </context>
    <context>
        <name>VolunteerIdentityForm</name>
        <message>
            <location filename="../../ui/staff/volunteer_identity.py" line="+64" />
            <location line="+4" />
            <source>Volunteer id</source>
            <translation>Mã tình nguyện viên</translation>
        </message>
        <message>
            <location line="-3" />
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. TNV-0123</source>
            <translation>ví dụ TNV-0123</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. Nguyễn Thị Lan</source>
            <translation>ví dụ Nguyễn Thị Lan</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Volunteer's full name</source>
            <translation>Họ và tên tình nguyện viên</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Saved: reports filed on this laptop are marked as taken by {who}.</source>
            <translation>Đã lưu: phản ánh nhận trên máy này được ghi là do {who} nhận hộ.</translation>
        </message>
    </context>
    <context>
        <name>VolunteerWindow</name>
        <message>
            <location filename="../../ui/staff/windows.py" line="+68" />
            <source>Take a report</source>
            <translation>Nhận phản ánh</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Taken on this laptop</source>
            <translation>Đã nhận trên máy này</translation>
        </message>
        <message>
            <location line="+1" />
            <source>USB hand-over</source>
            <translation>Chuyển giao qua USB</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sync</source>
            <translation>Đồng bộ</translation>
        </message>
    </context>
    <context>
        <name>WaitingTable</name>
        <message>
            <location filename="../../ui/staff/queue_tables.py" line="-42" />
            <source>Number</source>
            <translation>Số</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Service</source>
            <translation>Dịch vụ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Taken at</source>
            <translation>Giờ lấy</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Booked</source>
            <translation>Đặt hẹn</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Priority</source>
            <translation>Ưu tiên</translation>
        </message>
    </context>
    <context>
        <name>WhoScreen</name>
        <message>
            <location filename="../../ui/screens/who.py" line="+28" />
            <source>Do you want the commune to be able to contact you?</source>
            <translation>Bạn có muốn xã liên hệ lại với bạn không?</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Send anonymously</source>
            <translation>Gửi ẩn danh</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Leave my name and phone number</source>
            <translation>Để lại họ tên và số điện thoại</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone number</source>
            <translation>Số điện thoại</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Next</source>
            <translation>Tiếp tục</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Please enter your name or phone number, or choose “Send anonymously”.</source>
            <translation>Xin nhập họ tên hoặc số điện thoại, hoặc chọn “Gửi ẩn danh”.</translation>
        </message>
    </context>
    <context>
        <name>WithdrawDialog</name>
        <message>
            <location filename="../../ui/staff/volunteer_list.py" line="-224" />
            <source>Withdraw report</source>
            <translation>Rút phản ánh</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Withdraw report {code}?</source>
            <translation>Rút phản ánh {code}?</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Only when the resident asks for it. The report will never be sent to the commune or the province, and the resident's contact details are erased from this laptop. Their receipt will show “Withdrawn at the resident's request”. This cannot be undone.</source>
            <translation>Chỉ rút khi người dân yêu cầu. Phản ánh sẽ không bao giờ được gửi lên xã hay tỉnh, và thông tin liên hệ của người dân bị xóa khỏi máy này. Tra cứu mã trên phiếu sẽ hiện “Đã rút theo yêu cầu”. Không thể hoàn tác.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Reason (required; no names or phone numbers)</source>
            <translation>Lý do (bắt buộc; không ghi họ tên, số điện thoại)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. the resident sorted it out with the neighbour</source>
            <translation>ví dụ: người dân đã tự thỏa thuận với hàng xóm</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Withdraw the report</source>
            <translation>Rút phản ánh</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep it</source>
            <translation>Không rút</translation>
        </message>
        <message>
            <location line="+30" />
            <source>The report could not be withdrawn. Please try again.</source>
            <translation>Chưa rút được phản ánh. Xin thử lại.</translation>
        </message>
    </context>
    <context>
        <name>_Words</name>
        <message>
            <location line="-257" />
            <source>Sent to the province (case {ref})</source>
            <translation>Đã gửi lên tỉnh (mã hồ sơ {ref})</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+11" />
            <source>Sent to the province</source>
            <translation>Đã gửi lên tỉnh</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Refused by the province: {reason}</source>
            <translation>Bị tỉnh từ chối: {reason}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Waiting to be sent</source>
            <translation>Chờ gửi</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Handed over by USB, waiting for the commune to confirm</source>
            <translation>Đã chuyển giao qua USB, chờ xã xác nhận</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The commune received it by USB</source>
            <translation>Xã đã nhận qua USB</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Refused by the province</source>
            <translation>Bị tỉnh từ chối</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Withdrawn</source>
            <translation>Đã rút</translation>
        </message>
    </context>
</TS>
