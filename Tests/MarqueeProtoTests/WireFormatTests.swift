import Foundation
import SwiftProtobuf
import Testing
@testable import MarqueeProto

/// The generated messages speak the protobuf wire format: what one side encodes
/// the other decodes, and bytes that are not a message are an error, not a crash.
@Suite struct WireFormatTests {
    @Test func orderRoundTripsThroughTheWireFormat() throws {
        var order = Marquee_V1_Order()
        order.id = "ord_1"
        order.status = .pending
        order.total = .with { $0.amountMinor = 4_900; $0.currency = "EUR" }
        order.items = [.with { $0.ticketTypeID = "tkt_1"; $0.quantity = 2 }]
        order.expiresAt = Google_Protobuf_Timestamp(seconds: 1_800_000_000)
        let bytes: Data = try order.serializedData()
        let decoded = try Marquee_V1_Order(serializedBytes: bytes)
        #expect(decoded == order)
        #expect(decoded.total.amountMinor == 4_900)
    }

    @Test func malformedBytesAreADecodingError() {
        // Field 1 (string) claims 100 bytes but the buffer ends after 3.
        let truncated = Data([0x0A, 0x64, 0x61, 0x62, 0x63])
        #expect(throws: BinaryDecodingError.self) { try Marquee_V1_Order(serializedBytes: truncated) }
        // A wire type 7 does not exist.
        #expect(throws: BinaryDecodingError.self) { try Marquee_V1_Money(serializedBytes: Data([0x0F, 0x01])) }
    }

    @Test func getEventRequestIsByIdOrBySlug() throws {
        var request = Marquee_V1_GetEventRequest()
        request.slug = "night-at-the-opera"
        let decoded = try Marquee_V1_GetEventRequest(serializedBytes: try request.serializedData() as Data)
        #expect(decoded.key == .slug("night-at-the-opera"))
    }
}
