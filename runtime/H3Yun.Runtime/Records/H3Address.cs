namespace H3Yun;

/// <summary>
/// The value of an address field (地址). It travels as a JSON string holding
/// <c>{"adcode":"440305","adname":"广东省 深圳市 南山区","Detail":"科兴科学园B1栋"}</c>.
/// </summary>
/// <param name="Adcode">The region code, e.g. 440305.</param>
/// <param name="Adname">The region's names, province to district, separated by spaces.</param>
/// <param name="Detail">The street address.</param>
public sealed record H3Address(
    string? Adcode,
    string? Adname,
    string? Detail);

/// <summary>
/// The value of a location field (位置). It travels as a JSON string holding
/// <c>{"Address":"…","Point":{"lat":22.547421,"lng":113.944386}}</c>.
/// </summary>
/// <param name="Address">The place's address text.</param>
/// <param name="Point">The coordinates.</param>
public sealed record H3Location(
    string? Address,
    H3GeoPoint? Point);

/// <summary>A point on the map.</summary>
/// <param name="Lat">Latitude.</param>
/// <param name="Lng">Longitude.</param>
public sealed record H3GeoPoint(
    decimal Lat,
    decimal Lng);

/// <summary>
/// An attachment or image of a record, as far as a read reports it. Attachments cannot be set through a record;
/// they are uploaded to an existing record (UploadAttachment).
/// </summary>
/// <param name="ObjectId">The attachment's id.</param>
/// <param name="FileName">The file name, when reported.</param>
/// <param name="ContentType">The MIME type, when reported.</param>
/// <param name="Size">The size in bytes, when reported.</param>
public sealed record H3Attachment(string ObjectId, string? FileName = null, string? ContentType = null, long? Size = null);
