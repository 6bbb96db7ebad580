// Draws the app icons (PNG) without image tools: a rounded green square with a sun and a
// bench. Run once when the design changes: `node scripts/make-icons.js`; the PNGs are committed.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
const crc32 = (buf) => {
	let c = 0xffffffff;
	for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([len, body, crc]);
};

function png(size, pixel) {
	const raw = Buffer.alloc((size * 4 + 1) * size);
	for (let y = 0; y < size; y++) {
		raw[y * (size * 4 + 1)] = 0;
		for (let x = 0; x < size; x++) {
			const [r, g, b, a] = pixel(x / size, y / size);
			raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
		}
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(size, 0);
	ihdr.writeUInt32BE(size, 4);
	ihdr.set([8, 6, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0))
	]);
}

const green = [0x1f, 0x5f, 0x4a, 255];
const sun = [0xf2, 0xc1, 0x4e, 255];
const cream = [0xfd, 0xfa, 0xf3, 255];
const clear = [0, 0, 0, 0];

/** `inset` shrinks the drawing into the maskable safe zone (the inner 80 %). */
function draw(maskable) {
	return (u, v) => {
		const s = maskable ? 0.6 : 1;
		const x = (u - 0.5) / s + 0.5;
		const y = (v - 0.5) / s + 0.5;
		if (!maskable) {
			const r = 0.22;
			const cx = Math.min(Math.max(u, r), 1 - r);
			const cy = Math.min(Math.max(v, r), 1 - r);
			if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return clear;
		}
		if ((x - 0.5) ** 2 + (y - 0.44) ** 2 < 0.2 ** 2) return sun;
		if (x > 0.22 && x < 0.78 && y > 0.7 && y < 0.8) return cream;
		return green;
	};
}

writeFileSync('static/icons/icon-192.png', png(192, draw(false)));
writeFileSync('static/icons/icon-512.png', png(512, draw(false)));
writeFileSync('static/icons/icon-maskable-512.png', png(512, draw(true)));
